import type { Role } from '../domain/roles';

/**
 * Who wrote a note, as the board, the summary and every export show it: read from the
 * workshop's roster by the note's `authorId` (which the server ties to the writer),
 * never from the document, where a client could write any name or role.
 */
export interface NoteAuthor {
  /** Null for an author the roster does not know (a note from before this was checked). */
  role: Role | null;
  /** Empty in anonymous workshops, and for an unknown author. */
  name: string;
}

export interface RosterPerson {
  name: string;
  role: Role;
}

export function noteAuthor(
  authorId: string,
  roster: ReadonlyMap<string, RosterPerson>,
  anonymous: boolean,
): NoteAuthor {
  const person = roster.get(authorId);
  if (!person) return { role: null, name: '' };
  return { role: person.role, name: anonymous ? '' : person.name };
}

/** A roster keyed by participant id, from any list of people with ids. */
export function rosterOf(
  people: Iterable<RosterPerson & { id: string }>,
): ReadonlyMap<string, RosterPerson> {
  const roster = new Map<string, RosterPerson>();
  for (const p of people) roster.set(p.id, { name: p.name, role: p.role });
  return roster;
}
