import type { SqlDialect } from './dialect';
import { prepare } from './prepared';
import type { ActionRecord, RatingRecord, VoteRecord, WarmupRecord } from './storage';

const RATING = [
  'workshop_id as workshopId',
  'participant_id as participantId',
  'step_id as stepId',
  'round',
  'valence',
  'emotion',
  'expectation',
  'effort',
  'note',
  'role',
  'lens',
  'card_id as cardId',
  'persona_id as personaId',
  'updated_at as updatedAt',
  'expected_next as expectedNext',
] as const;

const ACTION = [
  'id',
  'workshop_id as workshopId',
  'text',
  'owner',
  'department',
  'due_date as dueDate',
  'step_id as stepId',
  'idea_id as ideaId',
  'created_by as createdBy',
  'created_at as createdAt',
] as const;

type ById = { id: string };
type ByWorkshop = { workshopId: string };

/**
 * The queries of what participants give (warm-up answers, ratings, votes) and of actions,
 * each written once and compiled for `d`. Lists order ties as they were inserted, text by
 * its bytes.
 */
export function answerQueries(d: SqlDialect) {
  const db = d.builder;
  return {
    upsertWarmup: prepare((a: WarmupRecord) =>
      db
        .insertInto('warmup_answers')
        .values({
          workshop_id: a.workshopId,
          participant_id: a.participantId,
          workplace: a.workplace,
          customers: a.customers,
          updated_at: a.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['workshop_id', 'participant_id']).doUpdateSet((eb) => ({
            workplace: eb.ref('excluded.workplace'),
            customers: eb.ref('excluded.customers'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        ),
    ),
    warmups: prepare((a: ByWorkshop) =>
      db
        .selectFrom('warmup_answers')
        .select([
          'workshop_id as workshopId',
          'participant_id as participantId',
          'workplace',
          'customers',
          'updated_at as updatedAt',
        ])
        .where('workshop_id', '=', a.workshopId)
        .orderBy(d.insertionOrder),
    ),

    upsertRating: prepare((r: RatingRecord) =>
      db
        .insertInto('ratings')
        .values({
          workshop_id: r.workshopId,
          participant_id: r.participantId,
          step_id: r.stepId,
          round: r.round,
          valence: r.valence,
          emotion: r.emotion,
          expectation: r.expectation,
          effort: r.effort,
          note: r.note,
          role: r.role,
          lens: r.lens,
          card_id: r.cardId,
          persona_id: r.personaId,
          updated_at: r.updatedAt,
          expected_next: r.expectedNext ?? null,
        })
        .onConflict((oc) =>
          oc.columns(['workshop_id', 'participant_id', 'step_id', 'round']).doUpdateSet((eb) => ({
            valence: eb.ref('excluded.valence'),
            emotion: eb.ref('excluded.emotion'),
            expectation: eb.ref('excluded.expectation'),
            effort: eb.ref('excluded.effort'),
            note: eb.ref('excluded.note'),
            role: eb.ref('excluded.role'),
            lens: eb.ref('excluded.lens'),
            card_id: eb.ref('excluded.card_id'),
            persona_id: eb.ref('excluded.persona_id'),
            updated_at: eb.ref('excluded.updated_at'),
            expected_next: eb.ref('excluded.expected_next'),
          })),
        ),
    ),
    ratings: prepare((a: ByWorkshop) =>
      db
        .selectFrom('ratings')
        .select(RATING)
        .where('workshop_id', '=', a.workshopId)
        .orderBy(d.byBytes('step_id'))
        .orderBy('round')
        .orderBy(d.byBytes('participant_id')),
    ),

    upsertVote: prepare((v: VoteRecord) =>
      db
        .insertInto('votes')
        .values({
          workshop_id: v.workshopId,
          participant_id: v.participantId,
          idea_id: v.ideaId,
          dots: v.dots,
        })
        .onConflict((oc) =>
          oc
            .columns(['workshop_id', 'participant_id', 'idea_id'])
            .doUpdateSet((eb) => ({ dots: eb.ref('excluded.dots') })),
        ),
    ),
    deleteVote: prepare((v: Omit<VoteRecord, 'dots'>) =>
      db
        .deleteFrom('votes')
        .where('workshop_id', '=', v.workshopId)
        .where('participant_id', '=', v.participantId)
        .where('idea_id', '=', v.ideaId),
    ),
    votes: prepare((a: ByWorkshop) =>
      db
        .selectFrom('votes')
        .select([
          'workshop_id as workshopId',
          'participant_id as participantId',
          'idea_id as ideaId',
          'dots',
        ])
        .where('workshop_id', '=', a.workshopId)
        .orderBy(d.byBytes('idea_id'))
        .orderBy(d.byBytes('participant_id')),
    ),

    /** Never moves an action to another workshop, nor changes its creator or creation time. */
    upsertAction: prepare((a: ActionRecord) =>
      db
        .insertInto('actions')
        .values({
          id: a.id,
          workshop_id: a.workshopId,
          text: a.text,
          owner: a.owner,
          department: a.department,
          due_date: a.dueDate,
          step_id: a.stepId,
          idea_id: a.ideaId,
          created_by: a.createdBy,
          created_at: a.createdAt,
        })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              text: eb.ref('excluded.text'),
              owner: eb.ref('excluded.owner'),
              department: eb.ref('excluded.department'),
              due_date: eb.ref('excluded.due_date'),
              step_id: eb.ref('excluded.step_id'),
              idea_id: eb.ref('excluded.idea_id'),
            }))
            .whereRef('actions.workshop_id', '=', 'excluded.workshop_id'),
        ),
    ),
    deleteAction: prepare((a: ByWorkshop & ById) =>
      db.deleteFrom('actions').where('workshop_id', '=', a.workshopId).where('id', '=', a.id),
    ),
    actions: prepare((a: ByWorkshop) =>
      db
        .selectFrom('actions')
        .select(ACTION)
        .where('workshop_id', '=', a.workshopId)
        .orderBy('created_at')
        .orderBy(d.insertionOrder),
    ),
  };
}
