import type { Locale } from '../domain/roles';
import en from './messages/en.json';
import fi from './messages/fi.json';

/** The shape of a catalogue: English's keys (messages.test.ts keeps the others alike). */
export type Messages = typeof en;

/**
 * Every language's catalogue, by locale: a record over `LOCALES`, so a new language does
 * not compile until its catalogue is here. The pages (request.ts) and the exports
 * (lib/export/words.ts) both read it.
 */
export const CATALOGUES: { readonly [L in Locale]: Messages } = { fi, en };
