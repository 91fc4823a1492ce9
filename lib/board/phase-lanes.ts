import { type Phase, PHASE_SPECS } from '../domain/phases';
import type { Lens, Role } from '../domain/roles';
import { LANES, type Lane } from './lanes';

/** The lanes a person fills while walking in these boots. */
const LENS_LANES: Record<Lens, readonly Lane[]> = {
  customer: ['customerDoes', 'customerThinks', 'customerFeels'],
  staff: ['staffDoes', 'staffFeels', 'backstage'],
};

/**
 * The lanes a phase asks people to write in (`PHASE_SPECS`: a new phase does not compile
 * until someone decides what its board is about); `lens` is null for a facilitator, who
 * watches every lane the room fills.
 */
function phaseLanes(phase: Phase, lens: Lens | null): readonly Lane[] {
  const lanes = PHASE_SPECS[phase].lanes;
  if (lanes !== 'lens') return lanes;
  return lens ? LENS_LANES[lens] : [...LENS_LANES.customer, ...LENS_LANES.staff];
}

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
  const focus = phaseLanes(phase, viewer.role === 'facilitator' ? null : viewer.lens).filter(shown);
  const rest = LANES.filter((l) => shown(l) && !focus.includes(l));
  return [
    ...focus.map((lane) => ({ lane, focus: true })),
    ...rest.map((lane) => ({ lane, focus: false })),
  ];
}
