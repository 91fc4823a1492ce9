import type { SqlDialect } from './dialect';
import { prepare, type Statement } from './prepared';
import { ClientClaimedError, type DocClientClaim, type DocLog } from './storage';

type ByWorkshop = { workshopId: string };
type Client = ByWorkshop & { clientId: number };

/**
 * The Yjs update log of each workshop's document (append, load, compact) and the owners of
 * its client ids, apart from the workshop records: the statements each write makes, written
 * once and compiled for `d`. The engine runs them in the workshop's order of writes.
 */
export function docLog(d: SqlDialect) {
  const db = d.builder;
  const q = {
    append: prepare((a: ByWorkshop & { data: Uint8Array }) =>
      db.insertInto('doc_updates').values({ workshop_id: a.workshopId, data: a.data }),
    ),
    load: prepare((a: ByWorkshop) =>
      db
        .selectFrom('doc_updates')
        .select(['seq', 'data'])
        .where('workshop_id', '=', a.workshopId)
        .orderBy('seq'),
    ),
    dropUpTo: prepare((a: ByWorkshop & { seq: number }) =>
      db
        .deleteFrom('doc_updates')
        .where('workshop_id', '=', a.workshopId)
        .where('seq', '<=', a.seq),
    ),
    insertAt: prepare((a: ByWorkshop & { seq: number; data: Uint8Array }) =>
      db.insertInto('doc_updates').values({ seq: a.seq, workshop_id: a.workshopId, data: a.data }),
    ),
    claim: prepare((a: Client & { participantId: string }) =>
      db
        .insertInto('doc_clients')
        .values({
          workshop_id: a.workshopId,
          client_id: a.clientId,
          participant_id: a.participantId,
        })
        .onConflict((oc) => oc.columns(['workshop_id', 'client_id']).doNothing()),
    ),
    owner: prepare((a: Client) =>
      db
        .selectFrom('doc_clients')
        .select('participant_id as owner')
        .where('workshop_id', '=', a.workshopId)
        .where('client_id', '=', a.clientId),
    ),
    clients: prepare((a: ByWorkshop) =>
      db
        .selectFrom('doc_clients')
        .select(['client_id as clientId', 'participant_id as participantId'])
        .where('workshop_id', '=', a.workshopId)
        .orderBy(d.insertionOrder),
    ),
  };

  return {
    append: (workshopId: string, update: Uint8Array): Statement =>
      q.append.bind({ workshopId, data: asBuffer(update) }),

    load: (workshopId: string) => q.load.bind({ workshopId }),

    /** Replaces the updates up to `seq` with `snapshot` (in one write: atomically). */
    compact: (workshopId: string, snapshot: Uint8Array, seq: number): Statement[] => [
      q.dropUpTo.bind({ workshopId, seq }),
      // The snapshot takes the place of what it replaced: seq = upToSeq keeps it first.
      q.insertAt.bind({ workshopId, seq, data: asBuffer(snapshot) }),
    ],

    /**
     * Claims each id unless it is claimed already, then checks who owns it: should another
     * participant, the check throws, and the write (all of the ids) is rolled back.
     */
    claim: (workshopId: string, participantId: string, clientIds: number[]): Statement[] =>
      clientIds.flatMap((clientId) => [
        q.claim.bind({ workshopId, clientId, participantId }),
        {
          ...q.owner.bind({ workshopId, clientId }),
          check: (rows: readonly { owner: string }[]) => {
            if (rows[0]?.owner !== participantId) {
              throw new ClientClaimedError(workshopId, clientId);
            }
          },
        },
      ]),

    clients: (workshopId: string): Statement<DocClientClaim> => q.clients.bind({ workshopId }),
  };
}

/** The log as loadDoc answers it, from the rows of `load`. */
export function toDocLog(rows: ReadonlyArray<{ seq: number; data: Uint8Array }>): DocLog {
  let bytes = 0;
  const updates = rows.map((r) => {
    bytes += r.data.byteLength;
    return new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength);
  });
  return { updates, lastSeq: rows.at(-1)?.seq ?? 0, bytes };
}

/** The engines' drivers take a Buffer for binary data: a view of the same bytes. */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
