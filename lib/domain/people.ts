import type { PeopleCommand } from '../protocol/catalogue';
import { ErrorCode } from '../protocol/codes';
import { assertNever } from './assert-never';
import { can } from './permissions';
import type { Role } from './roles';
import type { Participant } from './workshop';

/**
 * Facilitator commands about people: roles, lenses, dealt personas and cards, removal. One
 * per people entry of the catalogue (lib/protocol/catalogue.ts), as `Command` is.
 */
export type { PeopleCommand };

/** What the workshop's document offers to deal; ids only. */
export interface Deck {
  personaIds: readonly string[];
  cardIds: readonly string[];
  /**
   * Per situation card, the personas it does not fit (a template's `notFor`: "You are
   * 82" does not fit "Anneli, 68"). A card not listed fits everyone. @default {}
   */
  notFor?: Readonly<Record<string, readonly string[]>>;
}

/** Whether a persona and a card may be held together; either missing fits anything. */
export function cardFits(deck: Deck, personaId: string | null, cardId: string | null): boolean {
  if (personaId === null || cardId === null) return true;
  // Own keys only: a card id may be any string, "toString" too (review F5).
  const notFor = deck.notFor && Object.hasOwn(deck.notFor, cardId) ? deck.notFor[cardId] : null;
  return !(Array.isArray(notFor) && notFor.includes(personaId));
}

export type PeopleResult =
  { ok: true; changed: Participant[] } | { ok: false; code: ErrorCode; message: string };

function reject(code: ErrorCode, message: string): PeopleResult {
  return { ok: false, code, message };
}

/** In-place Fisher–Yates on a copy; `random` returns [0, 1). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Deals from a shuffled deck in turn, so that cards repeat only when there are more
 * people than cards (counting those who keep the card they hold). Customer proxies get
 * dealt; others can be dealt by hand. A person gets only a card that fits the persona
 * they hold (or a persona that fits their card): the first fitting one from the deck's
 * end, with the deck topped up by a fresh shuffle when none left fits; nothing at all
 * when nothing in the deck fits them.
 */
function dealRandom(
  people: readonly Participant[],
  deck: Deck,
  field: 'cardId' | 'personaId',
  onlyUnassigned: boolean,
  random: () => number,
): Participant[] {
  const ids = field === 'cardId' ? deck.cardIds : deck.personaIds;
  const takers = people.filter(
    (p) => p.removedAt === null && p.role === 'customer' && (!onlyUnassigned || p[field] === null),
  );
  // With onlyUnassigned, some keep what they hold: deal the cards nobody holds first
  // (the deck is dealt from its end), so a held card repeats only once the rest are out.
  const held = new Set(
    people.filter((p) => p.removedAt === null && !takers.includes(p)).map((p) => p[field]),
  );
  let pile = [
    ...shuffled(
      ids.filter((id) => held.has(id)),
      random,
    ),
    ...shuffled(
      ids.filter((id) => !held.has(id)),
      random,
    ),
  ];
  return takers.map((p) => {
    const fits = (id: string) =>
      field === 'cardId' ? cardFits(deck, p.personaId, id) : cardFits(deck, id, p.cardId);
    if (!pile.some(fits)) {
      // Fresh cards go under what is left, so the leftovers still go out first.
      pile = [...shuffled(ids, random), ...pile];
    }
    const at = pile.findLastIndex(fits);
    const [dealt] = at < 0 ? [null] : pile.splice(at, 1);
    return { ...p, [field]: dealt ?? null };
  });
}

/** Applies one people command for someone of `role`. Never mutates its inputs. */
export function applyPeopleCommand(
  people: readonly Participant[],
  role: Role,
  command: PeopleCommand,
  deck: Deck,
  random: () => number = Math.random,
  now: number = Date.now(),
): PeopleResult {
  if (!can(role, 'people.manage')) {
    return reject(ErrorCode.FORBIDDEN, 'Only a facilitator can manage participants');
  }
  if (command.type === 'people.dealRandom') {
    const ids = command.what === 'cards' ? deck.cardIds : deck.personaIds;
    if (ids.length === 0) return reject(ErrorCode.INVALID_TRANSITION, `No ${command.what} to deal`);
    const field = command.what === 'cards' ? 'cardId' : 'personaId';
    return { ok: true, changed: dealRandom(people, deck, field, command.onlyUnassigned, random) };
  }
  const target = people.find((p) => p.id === command.participantId && p.removedAt === null);
  if (!target) return reject(ErrorCode.NOT_FOUND, 'No such participant');
  if (target.role === 'facilitator' && command.type !== 'people.setLens') {
    // The facilitator role comes with the key; it is never changed or taken away here.
    return reject(ErrorCode.FORBIDDEN, 'A facilitator cannot be changed or removed');
  }
  switch (command.type) {
    case 'people.setRole':
      return { ok: true, changed: [{ ...target, role: command.role }] };
    case 'people.setLens':
      return { ok: true, changed: [{ ...target, lens: command.lens }] };
    case 'people.assign': {
      const { personaId, cardId } = command;
      if (personaId && !deck.personaIds.includes(personaId)) {
        return reject(ErrorCode.NOT_FOUND, 'No such persona');
      }
      if (cardId && !deck.cardIds.includes(cardId)) {
        return reject(ErrorCode.NOT_FOUND, 'No such situation card');
      }
      return {
        ok: true,
        changed: [
          {
            ...target,
            personaId: personaId === undefined ? target.personaId : personaId,
            cardId: cardId === undefined ? target.cardId : cardId,
          },
        ],
      };
    }
    case 'people.remove':
      return { ok: true, changed: [{ ...target, removedAt: now }] };
    default:
      return assertNever(command);
  }
}
