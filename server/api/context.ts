import type http from 'node:http';
import { MAX_PARTICIPANTS_DEFAULT } from '../../lib/constants';
import { ErrorCode } from '../../lib/protocol/codes';
import type { Template } from '../../lib/templates/schema';
import { keyMatches, type TokenSigner } from '../auth';
import type { ReadDoc } from '../workshops/stored-doc';
import { bearer, clientAddress, HttpError } from '../http-util';
import type { RequestGuard } from '../limits/request-guard';
import { createLinkBase } from '../link-base';
import { createRunsApi } from '../runs-api';
import type { SimulatedRooms } from '../simulation/simulated-rooms';
import type { Storage } from '../storage/storage';
import type { WorkshopActor } from '../workshops/actor';
import type { WorkshopRooms } from '../workshops/rooms';

export interface HttpApiDeps {
  storage: Storage;
  registry: WorkshopRooms;
  tokens: TokenSigner;
  templates: Map<string, Template>;
  /** Base for links we hand out; else the request's host, if `allowedHosts` has it. */
  publicUrl?: string;
  /** Hosts links may be made from without `publicUrl` (see AppServerOptions). */
  allowedHosts?: readonly string[];
  /**
   * Behind a proxy that sets them: the caller's address from X-Forwarded-For, the host and
   * scheme of links from X-Forwarded-Host and X-Forwarded-Proto.
   */
  trustProxy?: boolean;
  /** Reads a workshop's Y.Doc (the Yjs endpoint's `readDoc`), for exports. */
  readDoc: ReadDoc;
  /** Simulated participants for practice runs. */
  simulated: SimulatedRooms;
  /** GET /readyz: can this node serve (storage, and Redis when several nodes run)? */
  readiness?: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  /** Limits per address and per target: guessing and floods (`server/limits/`). */
  guard: RequestGuard;
  /** Participants (facilitators aside) one workshop takes; default MAX_PARTICIPANTS_DEFAULT. */
  maxParticipants?: number;
}

/** What every route's handler is given besides its request: the deps and shared checks. */
export interface ApiContext extends HttpApiDeps {
  maxParticipants: number;
  /** The caller's address, as the limits count it. */
  addressOf(req: http.IncomingMessage): string;
  /**
   * The facilitator key the request carries if it opens workshop `workshopId` (key hash
   * `hash`). A right key is always taken; a wrong one is counted and answered 401, or 429
   * once its address or the workshop has had too many.
   */
  requireKey(req: http.IncomingMessage, hash: string, workshopId: string): Promise<string>;
  /** `requireKey` for a loaded workshop (`withActor` lets it go, refused or not). */
  requireActorKey(req: http.IncomingMessage, actor: WorkshopActor): Promise<string>;
  /** The base of the links handed out; 400 for a host not allowed. */
  linkBase(req: http.IncomingMessage): string;
  /** Re-runs and the runs of a series. */
  runs: ReturnType<typeof createRunsApi>;
}

export function createApiContext(deps: HttpApiDeps): ApiContext {
  const { guard } = deps;
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, deps.trustProxy ?? false);

  async function requireKey(req: http.IncomingMessage, hash: string, workshopId: string) {
    const key = bearer(req);
    if (key !== null && keyMatches(key, hash)) return key;
    throw await guard.wrongKey(addressOf(req), workshopId);
  }

  function requireActorKey(req: http.IncomingMessage, actor: WorkshopActor) {
    return requireKey(req, actor.facilitatorKeyHash, actor.id);
  }

  // Checked before anything is stored: a refused host gets no workshop and no link.
  const linkBase = createLinkBase(deps);
  const runs = createRunsApi({ ...deps, requireKey, linkBase, admit: guard.admit.bind(guard) });
  return {
    ...deps,
    maxParticipants: deps.maxParticipants ?? MAX_PARTICIPANTS_DEFAULT,
    addressOf,
    requireKey,
    requireActorKey,
    linkBase,
    runs,
  };
}

/**
 * Runs `task` with the live workshop `id` (loaded if need be; 404 when there is none)
 * and lets it go after, whatever the answer: a workshop nobody is connected to then
 * unloads when idle. (A request that kept it held a room in memory until the process
 * ended.)
 */
export async function withActor<T>(
  ctx: ApiContext,
  id: string,
  task: (actor: WorkshopActor) => Promise<T>,
): Promise<T> {
  const actor = await ctx.registry.get(id);
  if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
  try {
    return await task(actor);
  } finally {
    ctx.registry.release(actor);
  }
}
