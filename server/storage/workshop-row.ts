import type { ControlState } from '../../lib/domain/workshop';
import type { WorkshopRecord } from './storage';

/** A row of the workshops table, as SQLite and Postgres both return it. */
export interface WorkshopRow {
  id: string;
  series_id: string;
  title: string;
  template_id: string;
  locale: string;
  join_code: string;
  facilitator_key_hash: string;
  created_at: number;
  control_json: string;
}

export function toWorkshop(row: WorkshopRow | undefined): WorkshopRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    seriesId: row.series_id,
    title: row.title,
    templateId: row.template_id,
    locale: row.locale as WorkshopRecord['locale'],
    joinCode: row.join_code,
    facilitatorKeyHash: row.facilitator_key_hash,
    createdAt: row.created_at,
    control: JSON.parse(row.control_json) as ControlState,
  };
}
