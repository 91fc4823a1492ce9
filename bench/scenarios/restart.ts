import { readBoard, readState } from '../boards';
import { type Figure, valueFigure } from '../figures';
import { type ServerHandle, startOurServer } from '../../support/servers';
import type { CreatedRoom } from '../setup';
import { nowMs } from '../stats';

const S = '4 restart';

/**
 * Scenario 4: a new server process on scenario 1's data. Timed from the spawn until every
 * workshop answers on Socket.io and its board, synced by a real y-websocket provider,
 * equals the board before the restart.
 */
export async function restart(
  dataDir: string,
  rooms: CreatedRoom[],
  boards: Map<string, string>,
): Promise<{ server: ServerHandle; figures: Figure[] }> {
  console.log(`[4] restarting on the same data, ${rooms.length} workshops…`);
  const server = await startOurServer(dataDir);
  await Promise.all(
    rooms.map(async (room) => {
      const [board] = await Promise.all([readBoard(server.url, room), readState(server.url, room)]);
      if (board !== boards.get(room.room)) {
        throw new Error(`workshop ${room.room}: the board after the restart differs`);
      }
    }),
  );
  const served = nowMs();
  return {
    server,
    figures: [
      valueFigure(
        S,
        'process start → listening',
        's',
        (server.listeningAt - server.spawnedAt) / 1000,
      ),
      valueFigure(
        S,
        `process start → all ${rooms.length} workshops served with boards`,
        's',
        (served - server.spawnedAt) / 1000,
        { max: 2 },
      ),
    ],
  };
}
