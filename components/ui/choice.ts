/**
 * The look of a radio choice drawn as a chip (the input itself is visually hidden):
 * checked chips fill with the brand colour and (a11y: not by colour alone) carry a check
 * mark in their corner, with empty alt text since the radio already says it is checked;
 * keyboard focus shows a ring.
 */
export const CHOICE_CHIP =
  "relative cursor-pointer rounded-md border border-stone-400 bg-white has-[:checked]:border-boot has-[:checked]:bg-boot has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-700 has-[:checked]:after:absolute has-[:checked]:after:top-0 has-[:checked]:after:right-1 has-[:checked]:after:text-xs has-[:checked]:after:font-bold has-[:checked]:after:content-['✓'_/_'']";
