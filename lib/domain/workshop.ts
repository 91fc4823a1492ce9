import type { WarmupResults } from '../analytics/warmup';
import type { Lane } from '../board/lanes';
import type { Phase } from './phases';
import type { ProgressFacts } from './progress';
import type { Lens, Locale, Role } from './roles';
import type { Timer } from './timer';
import type { VoteSettings } from './votes';

/** Facts about a workshop that do not change while it runs. */
export interface WorkshopInfo {
  id: string;
  title: string;
  templateId: string;
  locale: Locale;
  joinCode: string;
  createdAt: number;
}

export type Pace = 'hold' | 'free';

/**
 * 'walked': entering the reveal reveals every step this round walked (the default);
 * 'stepwise': the facilitator reveals the steps one by one.
 */
export const REVEAL_MODES = ['walked', 'stepwise'] as const;
export type RevealMode = (typeof REVEAL_MODES)[number];

/**
 * Who has said "I'm done" for the current step or phase (the scope). It counts as
 * progress only in phases with no other signal (lib/domain/progress.ts).
 */
export interface Readiness {
  scope: string;
  doneIds: string[];
}

/** Authoritative control state, owned by the server and stored on every change. */
export interface ControlState {
  phase: Phase;
  enabledPhases: Phase[];
  /** Increases on every accepted change; lets clients drop stale snapshots. */
  revision: number;
  /** Walk round, from 1; a new round walks the path again with other lenses. */
  round: number;
  /** The spotlighted step of the walk (a step id from the document), if any. */
  stepId: string | null;
  /** 'hold': everyone stays on the spotlighted step; 'free': people may run ahead. */
  pace: Pace;
  timer: Timer;
  readiness: Readiness;
  /** The warm-up results are shown once the facilitator closes the warm-up. */
  warmupClosed: boolean;
  /** Anonymous workshops show roles, not names, with ratings and readiness. */
  anonymous: boolean;
  /** What entering the reveal reveals (see `RevealMode`). Default 'walked'. */
  revealMode: RevealMode;
  /** `round:stepId` keys whose ratings can no longer be changed. */
  locked: string[];
  /** `round:stepId` keys whose ratings everyone may now see. */
  revealed: string[];
  /** Board lanes this workshop does not use. */
  hiddenLanes: Lane[];
  /** While locked, only facilitators may change the board (e.g. during the reveal). */
  boardLocked: boolean;
  /** Dot voting: budget, per-idea limit, hidden totals, closed. */
  votes: VoteSettings;
  /** Leaders, staff and customer proxies may write actions (each edits only their own). */
  actionsByParticipants: boolean;
}

export interface Participant {
  id: string;
  workshopId: string;
  name: string;
  role: Role;
  /** Whose boots they walk in this round. */
  lens: Lens;
  /** Persona from the workshop's document, dealt by the facilitator. */
  personaId: string | null;
  /** Situation card from the workshop's deck, dealt by the facilitator. */
  cardId: string | null;
  joinedAt: number;
  /** Set when the facilitator removed them; their token no longer opens anything. */
  removedAt: number | null;
}

/** What everyone may know of a participant. Persona and card stay between them and the facilitator. */
export type ParticipantView = Pick<Participant, 'id' | 'name' | 'role' | 'lens'> & {
  online: boolean;
};

/** A participant's dealt persona and card, as the facilitator sees them. */
export type Assignment = Pick<Participant, 'personaId' | 'cardId'>;

/** The workshop as everyone in it may see it; broadcast to the room on every change. */
export interface WorkshopState {
  info: WorkshopInfo;
  control: ControlState;
  participants: ParticipantView[];
  /** How many have rated each `round:stepId` (the ratings stay on the server until revealed). */
  ratingCounts: Record<string, number>;
  warmup: {
    /** How many have answered (answers themselves stay on the server). */
    answered: number;
    /** Present once the facilitator has closed the warm-up. */
    results: WarmupResults | null;
  };
  /** Who has done what the current phase counts (ids and dot counts; see lib/domain/progress.ts). */
  progress: ProgressFacts;
}

/** Who this connection is; sent to that person's sockets on connect and when it changes. */
export interface You {
  participantId: string;
  name: string;
  role: Role;
  lens: Lens;
  personaId: string | null;
  cardId: string | null;
  /** This person's own warm-up answers, if given. */
  warmup: { workplace: number; customers: number } | null;
}
