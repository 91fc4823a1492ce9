import crypto from 'node:crypto';
import type http from 'node:http';
import { initialControl } from '../lib/domain/commands';
import { makeJoinCode } from '../lib/domain/join-code';
import { facilitatorUrl } from '../lib/domain/links';
import { PHASES } from '../lib/domain/phases';
import { ErrorCode } from '../lib/protocol/codes';
import { newId } from './auth';
import { HttpError, sendJson } from './http-util';
import type { Storage, WorkshopRecord } from './storage/storage';

/**
 * What a new workshop is made of; `seriesId` only for a re-run (else it begins its own);
 * `anonymous` as its creator chose (else anonymous, as every workshop starts).
 */
export type NewWorkshopFacts = Pick<WorkshopRecord, 'title' | 'templateId' | 'locale'> &
  Partial<Pick<WorkshopRecord, 'seriesId'>> & { anonymous?: boolean };

/**
 * Stores a new workshop, with a fresh id and join code, and its first document content.
 * The key's hash is given: a re-run keeps its series' key.
 */
export async function storeNewWorkshop(
  storage: Storage,
  facts: NewWorkshopFacts,
  facilitatorKeyHash: string,
  seed: Uint8Array,
): Promise<WorkshopRecord> {
  const id = newId();
  const control = initialControl(PHASES);
  const record: WorkshopRecord = {
    id,
    seriesId: facts.seriesId ?? id,
    title: facts.title,
    templateId: facts.templateId,
    locale: facts.locale,
    joinCode: '',
    facilitatorKeyHash,
    createdAt: Date.now(),
    control: { ...control, anonymous: facts.anonymous ?? control.anonymous },
  };
  // Codes are short, so a collision is possible: retry with a fresh one.
  for (let attempt = 0; ; attempt++) {
    record.joinCode = makeJoinCode((n) => crypto.randomBytes(n));
    if (!(await storage.findWorkshopByCode(record.joinCode))) break;
    if (attempt > 20) throw new HttpError(500, ErrorCode.INTERNAL, 'No free join code');
  }
  try {
    await storage.createWorkshop(record);
    await storage.appendDocUpdate(record.id, seed);
  } catch (err) {
    // Nobody gets the links of a workshop that was not stored (a half-stored one stays unseen).
    console.error('[http] could not store a new workshop', err);
    throw new HttpError(503, ErrorCode.STORAGE_FAILED, 'The workshop could not be stored');
  }
  return record;
}

/**
 * 201 with a new workshop's links and its facilitator key (POST /api/workshops and kin).
 * `base` comes from `link-base.ts`, checked before the workshop was stored.
 */
export function sendCreated(
  res: http.ServerResponse,
  base: string,
  record: Pick<WorkshopRecord, 'id' | 'joinCode'>,
  facilitatorKey: string,
): void {
  sendJson(res, 201, {
    id: record.id,
    joinCode: record.joinCode,
    joinUrl: `${base}/join/${record.joinCode}`,
    facilitatorUrl: facilitatorUrl(base, record.id, facilitatorKey),
    facilitatorKey,
  });
}
