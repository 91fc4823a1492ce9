import type { ControlState, Participant } from '../../lib/domain/workshop';
import type { SqlDialect } from './dialect';
import { prepare } from './prepared';
import type { WorkshopRecord } from './storage';

/** A workshop's columns as its record names them; the control state still as JSON. */
const WORKSHOP = [
  'id',
  'series_id as seriesId',
  'title',
  'template_id as templateId',
  'locale',
  'join_code as joinCode',
  'facilitator_key_hash as facilitatorKeyHash',
  'created_at as createdAt',
  'control_json as controlJson',
] as const;

const PARTICIPANT = [
  'id',
  'workshop_id as workshopId',
  'name',
  'role',
  'lens',
  'persona_id as personaId',
  'card_id as cardId',
  'joined_at as joinedAt',
  'removed_at as removedAt',
] as const;

/** A workshop row as the queries return it. */
export type WorkshopRow = Omit<WorkshopRecord, 'control'> & { controlJson: string };

export function toWorkshop(row: WorkshopRow): WorkshopRecord {
  const { controlJson, ...rest } = row;
  return { ...rest, control: JSON.parse(controlJson) as ControlState };
}

type ById = { id: string };
type ByWorkshop = { workshopId: string };

/**
 * The queries of workshops (with their fencing numbers) and participants, each written
 * once and compiled for `d`. Lists order ties as they were inserted.
 */
export function workshopQueries(d: SqlDialect) {
  const db = d.builder;
  return {
    insertWorkshop: prepare((w: WorkshopRow & { controlRevision: number }) =>
      db.insertInto('workshops').values({
        id: w.id,
        series_id: w.seriesId,
        title: w.title,
        template_id: w.templateId,
        locale: w.locale,
        join_code: w.joinCode,
        facilitator_key_hash: w.facilitatorKeyHash,
        created_at: w.createdAt,
        control_json: w.controlJson,
        control_revision: w.controlRevision,
      }),
    ),
    workshopById: prepare((a: ById) =>
      db.selectFrom('workshops').select(WORKSHOP).where('id', '=', a.id),
    ),
    workshopByCode: prepare((a: { joinCode: string }) =>
      db.selectFrom('workshops').select(WORKSHOP).where('join_code', '=', a.joinCode),
    ),
    series: prepare((a: { seriesId: string }) =>
      db
        .selectFrom('workshops')
        .select(WORKSHOP)
        .where('series_id', '=', a.seriesId)
        .orderBy('created_at')
        .orderBy(d.insertionOrder),
    ),
    /** Stores the control state only over an older revision. */
    saveControl: prepare((a: ById & { controlJson: string; revision: number }) =>
      db
        .updateTable('workshops')
        .set({ control_json: a.controlJson, control_revision: a.revision })
        .where('id', '=', a.id)
        .where('control_revision', '<', a.revision),
    ),

    // Several nodes (only Postgres has the column; SQLite never runs these).
    /** The workshop's fencing number, locked against a claim while a write commits. */
    fenceForWrite: prepare((a: ById) =>
      db.selectFrom('workshops').select('fence').where('id', '=', a.id).forShare(),
    ),
    fence: prepare((a: ById) => db.selectFrom('workshops').select('fence').where('id', '=', a.id)),
    /** Strictly newer: two leases never share a number, even if Redis lost its counter. */
    claimFence: prepare((a: ById & { fence: number }) =>
      db
        .updateTable('workshops')
        .set({ fence: a.fence })
        .where('id', '=', a.id)
        .where('fence', '<', a.fence),
    ),

    insertParticipant: prepare((p: Participant) =>
      db.insertInto('participants').values({
        id: p.id,
        workshop_id: p.workshopId,
        name: p.name,
        role: p.role,
        lens: p.lens,
        persona_id: p.personaId,
        card_id: p.cardId,
        joined_at: p.joinedAt,
        removed_at: p.removedAt,
      }),
    ),
    updateParticipant: prepare((p: Participant) =>
      db
        .updateTable('participants')
        .set({
          name: p.name,
          role: p.role,
          lens: p.lens,
          persona_id: p.personaId,
          card_id: p.cardId,
          removed_at: p.removedAt,
        })
        .where('id', '=', p.id)
        .where('workshop_id', '=', p.workshopId),
    ),
    participants: prepare((a: ByWorkshop) =>
      db
        .selectFrom('participants')
        .select(PARTICIPANT)
        .where('workshop_id', '=', a.workshopId)
        .orderBy('joined_at')
        .orderBy(d.insertionOrder),
    ),
  };
}
