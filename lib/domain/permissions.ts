import type { Role } from './roles';

/** Everything someone can ask the server to do, by name. */
export type Action =
  | 'phase.change'
  | 'people.manage'
  | 'path.edit'
  | 'board.edit'
  | 'ready.mark'
  | 'rate'
  | 'warmup.answer'
  | 'vote'
  | 'action.write'
  | 'workshop.view';

const RULES: Record<Action, readonly Role[]> = {
  'phase.change': ['facilitator'],
  'people.manage': ['facilitator'],
  'path.edit': ['facilitator'],
  'board.edit': ['facilitator', 'leader', 'staff', 'customer'],
  'ready.mark': ['leader', 'staff', 'customer'],
  rate: ['leader', 'staff', 'customer'],
  'warmup.answer': ['leader', 'staff', 'customer'],
  vote: ['leader', 'staff', 'customer'],
  /** Participants only while the facilitator allows it (control.actionsByParticipants). */
  'action.write': ['facilitator', 'leader', 'staff', 'customer'],
  'workshop.view': ['facilitator', 'leader', 'staff', 'customer', 'observer'],
};

export function can(role: Role, action: Action): boolean {
  return RULES[action].includes(role);
}
