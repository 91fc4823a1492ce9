import { ErrorCode } from '../protocol/codes';
import { can } from './permissions';
import type { Role } from './roles';
import type { ControlState } from './workshop';

export const ACTION_TEXT_MAX_CHARS = 300;
/** Owner (a name) and owning department. */
export const ACTION_FIELD_MAX_CHARS = 80;
/** Actions one workshop may hold; the server refuses more. */
export const ACTIONS_MAX = 200;

/** What a client sends to create (no id) or edit (id) an action. */
export interface ActionInput {
  text: string;
  owner: string | null;
  department: string | null;
  /** A calendar date, `YYYY-MM-DD`. */
  dueDate: string | null;
  stepId: string | null;
  ideaId: string | null;
}

/** An action item as everyone in the workshop sees it: actions are not secret. */
export interface ActionItem extends ActionInput {
  id: string;
  /** The participant who created it; they may edit it while participants may write actions. */
  createdBy: string | null;
  createdAt: number;
}

/** Who asks. */
export interface ActionWriter {
  /** Their participant id. */
  id: string;
  role: Role;
}

/** What links may point at: the path's steps and the board's ideas, by id. */
export interface ActionFacts {
  stepIds: readonly string[];
  ideaIds: readonly string[];
}

type Refusal = { ok: false; code: ErrorCode; message: string };
const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, code, message });

/**
 * Facilitators write any action at any time; leaders, staff and customer proxies only
 * while the facilitator allows it, and then only actions they created themselves.
 */
function mayWrite(
  control: ControlState,
  who: ActionWriter,
  existing: ActionItem | null,
): Refusal | null {
  if (who.role === 'facilitator') return null;
  if (!can(who.role, 'action.write') || !control.actionsByParticipants) {
    return refuse(ErrorCode.FORBIDDEN, 'Only the facilitator writes actions now');
  }
  if (existing && existing.createdBy !== who.id) {
    return refuse(ErrorCode.FORBIDDEN, 'Someone else wrote this action');
  }
  return null;
}

/**
 * May `who` create an action (`id` absent) or change action `id` to `input`? On success,
 * the action being replaced (null for a new one). A link that changes must point at a step
 * or idea that exists; an unchanged link may point at one deleted since.
 */
export function checkActionPut(
  control: ControlState,
  who: ActionWriter,
  input: ActionInput & { id?: string },
  actions: readonly ActionItem[],
  facts: ActionFacts,
): { ok: true; existing: ActionItem | null } | Refusal {
  const pre = mayWrite(control, who, null);
  if (pre) return pre;
  const existing = input.id === undefined ? null : actions.find((a) => a.id === input.id);
  if (existing === undefined) return refuse(ErrorCode.NOT_FOUND, 'No such action');
  const own = mayWrite(control, who, existing);
  if (own) return own;
  if (!existing && actions.length >= ACTIONS_MAX) {
    return refuse(ErrorCode.INVALID_TRANSITION, `At most ${ACTIONS_MAX} actions`);
  }
  if (input.stepId !== null && input.stepId !== existing?.stepId) {
    if (!facts.stepIds.includes(input.stepId)) return refuse(ErrorCode.NOT_FOUND, 'No such step');
  }
  if (input.ideaId !== null && input.ideaId !== existing?.ideaId) {
    if (!facts.ideaIds.includes(input.ideaId)) return refuse(ErrorCode.NOT_FOUND, 'No such idea');
  }
  return { ok: true, existing };
}

/** May `who` delete action `id`? On success, the action. */
export function checkActionDelete(
  control: ControlState,
  who: ActionWriter,
  id: string,
  actions: readonly ActionItem[],
): { ok: true; existing: ActionItem } | Refusal {
  const pre = mayWrite(control, who, null);
  if (pre) return pre;
  const existing = actions.find((a) => a.id === id);
  if (!existing) return refuse(ErrorCode.NOT_FOUND, 'No such action');
  return mayWrite(control, who, existing) ?? { ok: true, existing };
}
