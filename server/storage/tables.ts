import type { Generated } from 'kysely';
import type { Lens, Locale, Role } from '../../lib/domain/roles';
import type { RatingRecord } from './storage';

/**
 * The tables as queries see them (server/storage/migrations.ts makes them), for Kysely's
 * typed builders. Times are milliseconds since the epoch. The column ordering ties (SQLite's
 * rowid, Postgres's `ord`) is the dialect's `insertionOrder`.
 */
export interface Tables {
  workshops: {
    id: string;
    series_id: string;
    title: string;
    template_id: string;
    locale: Locale;
    join_code: string;
    facilitator_key_hash: string;
    created_at: number;
    control_json: string;
    control_revision: number;
    /** Postgres only (several nodes): the fencing number of the node that owns it. */
    /** Several nodes (Postgres only): the fencing number of the node that owns it. */
    fence: Generated<number>;
  };
  participants: {
    id: string;
    workshop_id: string;
    name: string;
    role: Role;
    lens: Lens;
    persona_id: string | null;
    card_id: string | null;
    joined_at: number;
    removed_at: number | null;
  };
  warmup_answers: {
    workshop_id: string;
    participant_id: string;
    workplace: number;
    customers: number;
    updated_at: number;
  };
  ratings: {
    workshop_id: string;
    participant_id: string;
    step_id: string;
    round: number;
    valence: number;
    emotion: RatingRecord['emotion'];
    expectation: RatingRecord['expectation'];
    effort: number | null;
    note: string | null;
    role: Role;
    lens: Lens;
    card_id: string | null;
    persona_id: string | null;
    updated_at: number;
    expected_next: NonNullable<RatingRecord['expectedNext']> | null;
  };
  votes: {
    workshop_id: string;
    participant_id: string;
    idea_id: string;
    dots: number;
  };
  actions: {
    id: string;
    workshop_id: string;
    text: string;
    owner: string | null;
    department: string | null;
    due_date: string | null;
    step_id: string | null;
    idea_id: string | null;
    created_by: string | null;
    created_at: number;
  };
  doc_updates: {
    seq: Generated<number>;
    workshop_id: string;
    data: Uint8Array;
  };
  doc_clients: {
    workshop_id: string;
    client_id: number;
    participant_id: string;
  };
}
