/**
 * Clock offset between a client and the server, estimated like NTP: the client notes
 * its time before (t0) and after (t1) asking for the server's time.
 */
export interface ClockSample {
  t0: number;
  serverNow: number;
  t1: number;
}

/** Server time minus client time, assuming the reply took half the round trip. */
export function offsetOf(sample: ClockSample): number {
  return sample.serverNow - (sample.t0 + sample.t1) / 2;
}

/** The sample with the shortest round trip is the least disturbed by the network. */
export function bestOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null;
  for (const s of samples) if (!best || s.t1 - s.t0 < best.t1 - best.t0) best = s;
  return best ? offsetOf(best) : 0;
}
