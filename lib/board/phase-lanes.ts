import type { Phase } from '../domain/phases';
import type { Lens, Role } from '../domain/roles';
import { LANES, type Lane } from './lanes';

/** The lanes a person fills while walking in these boots. */
const LENS_LANES: Record<Lens, readonly Lane[]> = {
  customer: ['customerDoes', 'customerThinks', 'customerFeels'],
  staff: ['staffDoes', 'staffFeels', 'backstage'],
};

/**
 * The lanes each phase asks people to write in; `lens` is null for a facilitator, who
 * watches every lane the room fills. A record over every phase: a new phase does not
 * compile until someone decides what its board is about.
 */
const PHASE_LANES: { [P in Phase]: (lens: Lens | null) => readonly Lane[] } = {
  lobby: () => [],
  warmup: () => [],
  target: () => [],
  walk: (lens) => (lens ? LENS_LANES[lens] : [...LENS_LANES.customer, ...LENS_LANES.staff]),
  reveal: () => [],
  reflect: () => ['pains', 'gains', 'questions'],
  ideate: () => ['ideas'],
  vote: () => ['ideas'],
  actions: () => ['ideas'],
  summary: () => [],
};

export interface BoardLane {
  lane: Lane;
  /** The phase is about this lane: it comes first and stays open on a phone. */
  focus: boolean;
}

/**
 * The lanes to show, in order: those the phase is about first, then the others in the
 * board's order; lanes the facilitator hid are left out.
 */
export function boardLanes(
  phase: Phase,
  viewer: { role: Role; lens: Lens },
  hidden: readonly Lane[],
): BoardLane[] {
  const shown = (l: Lane) => !hidden.includes(l);
  const focus = PHASE_LANES[phase](viewer.role === 'facilitator' ? null : viewer.lens).filter(
    shown,
  );
  const rest = LANES.filter((l) => shown(l) && !focus.includes(l));
  return [
    ...focus.map((lane) => ({ lane, focus: true })),
    ...rest.map((lane) => ({ lane, focus: false })),
  ];
}
