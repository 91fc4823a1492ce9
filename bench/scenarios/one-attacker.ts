import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { AttackReport, AttackSpec } from '../attacker';
import { type Figure, valueFigure } from '../figures';
import { Latency } from '../latency';
import type { MemberSpec } from '../load-spec';
import { RawYjsClient } from '../raw-yjs-client';
import { createWorkshops, STEP_IDS } from '../setup';
import type { Disturbance } from './many-workshops';

const ATTACKER = path.join(import.meta.dirname, '..', 'attacker.ts');
export const S7 = '7 one attacker';

/**
 * Scenario 7 (issue 21): one participant of a workshop of its own attacks the server
 * (bench/attacker.ts) while scenario 1's workshops run beside it. The honest facilitator
 * of the attacker's workshop is connected with presence, so the attacker can learn a
 * client id to claim. Returns what the attacker sent and how it was answered.
 */
export function oneAttacker(url: string): Disturbance {
  let child: ChildProcess | null = null;
  let facilitator: RawYjsClient | null = null;
  const yjsUrl = (room: string, token: string) =>
    `${url.replace(/^http/, 'ws')}/rt/yjs/${room}?token=${encodeURIComponent(token)}`;
  return {
    async start() {
      // The attacker's room comes from an address of its own, apart from the 50 rooms.
      const [room] = await createWorkshops(url, 1, 2, 2);
      const [fran, attacker] = room!.members as [MemberSpec, MemberSpec];
      facilitator = new RawYjsClient(
        yjsUrl(room!.room, fran.token!),
        new Latency(() => 0),
        false,
        fran.address,
      );
      facilitator.awareness.setLocalState({ presence: { name: 'Fran', role: 'facilitator' } });
      await facilitator.connect();
      const spec: AttackSpec = {
        yjsUrl: yjsUrl(room!.room, attacker.token!),
        localAddress: attacker.address!,
        participantId: attacker.participantId!,
        stepId: STEP_IDS[0]!,
      };
      child = fork(ATTACKER, [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      await reply(child, 'started', { type: 'start', spec });
      console.log(`[7] the attacker runs in workshop ${room!.room}`);
    },
    async stop(): Promise<Figure[]> {
      const report = child ? (await reply(child, 'report', { type: 'stop' })).report : null;
      // Read before closing it: did the attack cut the honest facilitator off?
      const stillConnected = facilitator?.open ?? false;
      const closeCode = facilitator?.closeCode;
      facilitator?.close();
      if (!report) return [];
      const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
      console.log(`[7] attacker: ${JSON.stringify(report)}`);
      console.log(
        `[7] its workshop's facilitator: ${stillConnected ? 'connected' : `closed ${closeCode}`}`,
      );
      return [
        valueFigure(S7, 'attacker: messages sent', 'count', total(report.sent)),
        valueFigure(S7, 'attacker: connections opened', 'count', report.opened),
        valueFigure(S7, 'attacker: refusals heard', 'count', total(report.denied)),
        valueFigure(
          S7,
          'facilitator of its workshop still connected',
          'yes=1',
          stillConnected ? 1 : 0,
        ),
      ];
    },
  };
}

function reply(
  child: ChildProcess,
  type: 'started',
  msg: { type: 'start'; spec: AttackSpec },
): Promise<{ type: 'started' }>;
function reply(
  child: ChildProcess,
  type: 'report',
  msg: { type: 'stop' },
): Promise<{ type: 'report'; report: AttackReport }>;
function reply(child: ChildProcess, type: string, msg: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`attacker: no '${type}' in 30 s`)), 30_000);
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      if (type !== 'report') reject(new Error(`attacker exited with ${code}`));
    });
    child.send(msg as object);
  });
}
