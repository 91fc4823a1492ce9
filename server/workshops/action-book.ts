import {
  type ActionFacts,
  type ActionInput,
  type ActionItem,
  type ActionWriter,
  checkActionDelete,
  checkActionPut,
} from '../../lib/domain/actions';
import type { ControlState } from '../../lib/domain/workshop';
import type { ErrorCode } from '../../lib/protocol/codes';
import { newId } from '../auth';
import type { ActionRecord } from '../storage/storage';

type Refusal = { ok: false; code: ErrorCode; message: string };

/** A workshop's action items in memory, in the order they were created. */
export class ActionBook {
  private readonly actions = new Map<string, ActionRecord>();

  constructor(records: ActionRecord[]) {
    for (const r of records) this.actions.set(r.id, r);
  }

  /** Every action as everyone sees it (actions are not secret). */
  list(): ActionItem[] {
    return [...this.actions.values()].map(({ workshopId: _w, ...item }) => item);
  }

  /** The record to store for `who` creating or editing an action, or why not. */
  prepare(
    workshopId: string,
    control: ControlState,
    who: ActionWriter,
    input: ActionInput & { id?: string },
    facts: ActionFacts,
    now: number,
  ): { ok: true; record: ActionRecord } | Refusal {
    const check = checkActionPut(control, who, input, this.list(), facts);
    if (!check.ok) return check;
    const { id: _id, ...fields } = input;
    const existing = check.existing;
    return {
      ok: true,
      record: {
        ...fields,
        id: existing?.id ?? newId(),
        workshopId,
        createdBy: existing ? existing.createdBy : who.id,
        createdAt: existing?.createdAt ?? now,
      },
    };
  }

  /** Whether `who` may delete action `id`. */
  checkDelete(control: ControlState, who: ActionWriter, id: string): { ok: true } | Refusal {
    const check = checkActionDelete(control, who, id, this.list());
    return check.ok ? { ok: true } : check;
  }

  put(record: ActionRecord): void {
    this.actions.set(record.id, record);
  }

  delete(id: string): void {
    this.actions.delete(id);
  }
}
