import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { tempDataDir } from './server';

/**
 * Real SQLite, counting the loads of a workshop from storage: a workshop let go of is
 * unloaded when idle, and the next use reads it again.
 */
export function countingStorage() {
  const storage = SqliteStorage.inDataDir(tempDataDir());
  const loads = { n: 0 };
  const getWorkshop = storage.getWorkshop.bind(storage);
  storage.getWorkshop = (id) => {
    loads.n++;
    return getWorkshop(id);
  };
  return { storage, loads };
}
