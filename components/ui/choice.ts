/**
 * The look of a radio choice drawn as a chip (the input itself is visually hidden):
 * checked chips fill with the brand colour, and keyboard focus shows a ring.
 */
export const CHOICE_CHIP =
  'relative cursor-pointer rounded-md border border-stone-400 bg-white has-[:checked]:border-boot has-[:checked]:bg-boot has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-700';
