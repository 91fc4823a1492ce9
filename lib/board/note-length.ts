import { NOTE_TEXT_MAX_CHARS } from './board-doc';

/** From this many characters on, a note box says how many are left (the last fifth). */
export const NOTE_COUNTER_FROM_CHARS = 400;

/** Characters left in a note, once it nears the limit the server enforces; else null. */
export function charsLeftToShow(text: string): number | null {
  return text.length >= NOTE_COUNTER_FROM_CHARS
    ? Math.max(0, NOTE_TEXT_MAX_CHARS - text.length)
    : null;
}
