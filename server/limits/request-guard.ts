import {
  CODE_FAILURE_BLOCK_MS,
  CODE_FAILURE_CLUSTER_WINDOW_MS,
  CODE_FAILURE_WINDOW_MS,
  CODE_FAILURES_PER_ADDRESS,
  CODE_FAILURES_PER_CLUSTER,
  IMPORT_WINDOW_MS,
  IMPORTS_PER_ADDRESS,
  JOIN_WINDOW_MS,
  JOINS_PER_ADDRESS,
  KEY_FAILURE_WINDOW_MS,
  KEY_FAILURES_PER_ADDRESS,
  KEY_FAILURES_PER_WORKSHOP,
  KNOWN_CODE_TTL_MS,
  WORKSHOP_CREATE_WINDOW_MS,
  WORKSHOP_CREATES_PER_ADDRESS,
} from '../../lib/constants';
import { addressKey } from '../../lib/domain/address-key';
import { assertNever } from '../../lib/domain/assert-never';
import { ErrorCode } from '../../lib/protocol/codes';
import { HttpError } from '../http-util';
import { Limit, type LimitRule, type LimitStore } from './limit';

/** The limits of the HTTP API, per address and per target (docs/security.md, "Rate limits"). */
export interface RequestLimits {
  /** Wrong join codes per address. @default 10 per 15 min, then blocked 15 min */
  codeFailuresPerAddress: LimitRule;
  /** Wrong join codes of all addresses together (per cluster). @default 120 per 60 s */
  codeFailuresPerCluster: LimitRule;
  /** Wrong facilitator keys per address. @default 10 per 10 min */
  keyFailuresPerAddress: LimitRule;
  /** Wrong facilitator keys per workshop, from any address. @default 100 per 10 min */
  keyFailuresPerWorkshop: LimitRule;
  /** Workshops created, imported or re-run per address. @default 20 per 10 min */
  createsPerAddress: LimitRule;
  /** Imports per address (each up to 2 MiB). @default 10 per 10 min */
  importsPerAddress: LimitRule;
  /** Joins without the facilitator key per address. @default 100 per 60 s */
  joinsPerAddress: LimitRule;
}

const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  codeFailuresPerAddress: {
    points: CODE_FAILURES_PER_ADDRESS,
    windowMs: CODE_FAILURE_WINDOW_MS,
    blockMs: CODE_FAILURE_BLOCK_MS,
  },
  codeFailuresPerCluster: {
    points: CODE_FAILURES_PER_CLUSTER,
    windowMs: CODE_FAILURE_CLUSTER_WINDOW_MS,
  },
  keyFailuresPerAddress: { points: KEY_FAILURES_PER_ADDRESS, windowMs: KEY_FAILURE_WINDOW_MS },
  keyFailuresPerWorkshop: { points: KEY_FAILURES_PER_WORKSHOP, windowMs: KEY_FAILURE_WINDOW_MS },
  createsPerAddress: { points: WORKSHOP_CREATES_PER_ADDRESS, windowMs: WORKSHOP_CREATE_WINDOW_MS },
  importsPerAddress: { points: IMPORTS_PER_ADDRESS, windowMs: IMPORT_WINDOW_MS },
  joinsPerAddress: { points: JOINS_PER_ADDRESS, windowMs: JOIN_WINDOW_MS },
};

export type Admission = 'create' | 'import' | 'join';

function rateLimited(waitMs: number, message: string): HttpError {
  return new HttpError(429, ErrorCode.RATE_LIMITED, message, Math.ceil(waitMs / 1000));
}

/**
 * Slows guessers and floods, never the venue. Failures are counted per address and per
 * target apart, and a right credential is never refused because of anyone's failures:
 * a right facilitator key does not come here at all, and a join code that an address has
 * found is looked up for it however many wrong ones it tried since. Only what the address
 * could learn something new from (another code) is refused while it is over its limit.
 */
export class RequestGuard {
  private readonly limits: { [K in keyof RequestLimits]: Limit };
  /** Codes an address has found lately: `address|code` marked for KNOWN_CODE_TTL_MS. */
  private readonly known: Limit;

  constructor(rules: Partial<RequestLimits> = {}, store?: LimitStore) {
    const all = { ...DEFAULT_REQUEST_LIMITS, ...rules };
    const limit = (name: keyof RequestLimits) => new Limit(name, all[name], store);
    this.limits = {
      codeFailuresPerAddress: limit('codeFailuresPerAddress'),
      codeFailuresPerCluster: limit('codeFailuresPerCluster'),
      keyFailuresPerAddress: limit('keyFailuresPerAddress'),
      keyFailuresPerWorkshop: limit('keyFailuresPerWorkshop'),
      createsPerAddress: limit('createsPerAddress'),
      importsPerAddress: limit('importsPerAddress'),
      joinsPerAddress: limit('joinsPerAddress'),
    };
    this.known = new Limit('knownCodes', { points: 1, windowMs: KNOWN_CODE_TTL_MS }, store);
  }

  /**
   * Looks a join code up for `address` with `find`. A code the address found before is
   * always looked up. Any other takes a try from the address's and the cluster's budget
   * first (so parallel guesses are counted too), given back if the code exists; over
   * either budget, it is refused with 429 before anything is looked up.
   */
  async lookUpCode<T>(address: string, code: string, find: () => Promise<T | null>) {
    const who = addressKey(address);
    const mark = `${who}|${code}`;
    if (await this.known.holds(mark)) return find();
    const wait = await this.takeBoth(
      [this.limits.codeFailuresPerAddress, who],
      [this.limits.codeFailuresPerCluster, 'all'],
    );
    if (wait !== null) throw rateLimited(wait, 'Too many wrong join codes: try again later');
    const giveBack = () =>
      Promise.all([
        this.limits.codeFailuresPerAddress.giveBack(who),
        this.limits.codeFailuresPerCluster.giveBack('all'),
      ]);
    // Storage failing is nobody's wrong guess.
    const found = await find().catch(async (err: unknown) => {
      await giveBack();
      throw err;
    });
    if (found !== null) await Promise.all([giveBack(), this.known.mark(mark, KNOWN_CODE_TTL_MS)]);
    return found;
  }

  /**
   * A wrong (or missing) facilitator key from `address` for `workshopId`, counted per
   * address and per workshop: 401 within both limits, 429 past either.
   */
  async wrongKey(address: string, workshopId: string): Promise<HttpError> {
    const waits = await Promise.all([
      this.limits.keyFailuresPerAddress.take(addressKey(address)),
      this.limits.keyFailuresPerWorkshop.take(workshopId),
    ]);
    const wait = Math.max(...waits.map((w) => w ?? 0));
    if (wait > 0) return rateLimited(wait, 'Too many wrong facilitator keys: try again later');
    return new HttpError(401, ErrorCode.UNAUTHORIZED, 'The facilitator key is required');
  }

  /** Counts a new workshop, an import or a join (without the key); 429 past the limit. */
  async admit(what: Admission, address: string): Promise<void> {
    const wait = await this.take(what, addressKey(address));
    if (wait !== null) throw rateLimited(wait, `Too many requests (${what}): try again later`);
  }

  private take(what: Admission, who: string): Promise<number | null> {
    switch (what) {
      case 'create':
        return this.limits.createsPerAddress.take(who);
      case 'import':
        // An import is a new workshop too.
        return this.takeBoth(
          [this.limits.importsPerAddress, who],
          [this.limits.createsPerAddress, who],
        );
      case 'join':
        return this.limits.joinsPerAddress.take(who);
      default:
        return assertNever(what);
    }
  }

  /** Takes from both limits, or from neither: the wait of the one that refused. */
  private async takeBoth(first: [Limit, string], second: [Limit, string]): Promise<number | null> {
    const wait = await first[0].take(first[1]);
    if (wait !== null) return wait;
    const secondWait = await second[0].take(second[1]);
    if (secondWait !== null) await first[0].giveBack(first[1]);
    return secondWait;
  }
}
