import { z } from 'zod';

/**
 * Characters nobody means to type into a name or a title: control characters, line and
 * paragraph separators, zero-width spaces and joiners of words, the byte-order mark,
 * fillers that draw nothing, tag characters, lone surrogates, and bidi embeddings,
 * overrides and isolates (which reorder what everyone else reads: a name that shows as
 * another's). Bidi marks (U+200E/F, U+061C) and the emoji and Persian joiners (U+200C/D)
 * stay: people write with them.
 */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u115f\u1160\u3164\uffa0\u{e0000}-\u{e007f}\p{Cs}]/u;
/** The same, but a text of several lines keeps its line breaks and tabs. */
const HIDDEN_IN_LINES =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u115f\u1160\u3164\uffa0\u{e0000}-\u{e007f}\p{Cs}]/u;
/** Something a reader sees: a letter, a digit, a symbol (emoji too) or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

const HIDDEN_MESSAGE = 'No control, invisible or direction characters';

/** A name or a title: one line, trimmed, something visible, nothing hidden. */
export const lineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !HIDDEN.test(text), HIDDEN_MESSAGE)
    .refine((text) => VISIBLE.test(text), 'Nothing visible');

/** A description or a note: line breaks allowed, nothing else hidden. */
export const linesText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !HIDDEN_IN_LINES.test(text), HIDDEN_MESSAGE);
