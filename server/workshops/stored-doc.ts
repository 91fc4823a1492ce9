import * as Y from 'yjs';
import type { Storage } from '../storage/storage';

/** Reads the workshop's Y.Doc (a room's, or `storedDocReader`). */
export type ReadDoc = <T>(workshopId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/**
 * Reads a workshop's document straight from storage, into a Y.Doc of its own: for a run
 * another node serves, whose live copy is there, not here (nothing is cached).
 */
export function storedDocReader(storage: Pick<Storage, 'loadDoc'>): ReadDoc {
  return async (workshopId, read) => {
    const doc = new Y.Doc();
    try {
      const { updates } = await storage.loadDoc(workshopId);
      Y.transact(doc, () => {
        for (const u of updates) Y.applyUpdate(doc, u);
      });
      return read(doc);
    } finally {
      doc.destroy();
    }
  };
}
