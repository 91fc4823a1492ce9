import type http from 'node:http';
import { normaliseJoinCode } from '../lib/domain/join-code';
import { pathDocUpdate, seedDocUpdate } from '../lib/board/path-doc';
import { contentDisposition } from '../lib/export/file-name';
import { EXPORT_FORMAT_IDS, formatRefusal, isExportFormat } from '../lib/export/formats';
import { parseWorkshopExport } from '../lib/export/json';
import { MAX_PARTICIPANTS_DEFAULT, SIMULATED_DEFAULT } from '../lib/constants';
import { ErrorCode } from '../lib/protocol/codes';
import type { RequestTarget } from '../lib/protocol/http-request';
import { CreateWorkshopBody, JoinBody, SimulateBody } from '../lib/protocol/schemas';
import type { Template } from '../lib/templates/schema';
import { buildExport, type ReadDoc } from './export/build-export';
import { renderExport } from './export/render-export';
import { NotOwnerError } from './cluster/not-owner';
import { hashKey, keyMatches, newFacilitatorKey, newId, type TokenSigner } from './auth';
import {
  bearer,
  clientAddress,
  HttpError,
  pathPart,
  readJson,
  readJsonValue,
  sendJson,
} from './http-util';
import { createLinkBase } from './link-base';
import { type NewWorkshopFacts, sendCreated, storeNewWorkshop } from './new-workshop';
import type { RequestGuard } from './limits/request-guard';
import { createRunsApi } from './runs-api';
import type { SimulatedRooms } from './simulation/simulated-rooms';
import type { Storage } from './storage/storage';
import type { WorkshopActor } from './workshops/actor';
import type { WorkshopRegistry } from './workshops/registry';

export interface HttpApiDeps {
  storage: Storage;
  registry: WorkshopRegistry;
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

/** An import carries a whole workshop: it may be far larger than other bodies. */
export const IMPORT_BODY_MAX_BYTES = 2 * 1024 * 1024;

/** The public HTTP API (see README). Returns false for paths it does not own. */
export function createHttpApi(deps: HttpApiDeps) {
  const { guard } = deps;
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, deps.trustProxy ?? false);

  /**
   * The facilitator key the request carries if it opens workshop `workshopId` (key hash
   * `hash`). A right key is always taken; a wrong one is counted and answered 401, or 429
   * once its address or the workshop has had too many.
   */
  async function requireKey(
    req: http.IncomingMessage,
    hash: string,
    workshopId: string,
  ): Promise<string> {
    const key = bearer(req);
    if (key !== null && keyMatches(key, hash)) return key;
    throw await guard.wrongKey(addressOf(req), workshopId);
  }

  /** `requireKey` for a loaded workshop: a refused request does not keep it in memory. */
  async function requireActorKey(req: http.IncomingMessage, actor: WorkshopActor) {
    return requireKey(req, actor.facilitatorKeyHash, actor.id).catch((err: unknown) => {
      deps.registry.release(actor);
      throw err;
    });
  }

  // Checked before anything is stored: a refused host gets no workshop and no link.
  const linkBase = createLinkBase(deps);
  const runs = createRunsApi({ ...deps, requireKey, linkBase, admit: guard.admit.bind(guard) });
  const maxParticipants = deps.maxParticipants ?? MAX_PARTICIPANTS_DEFAULT;

  /** Stores a new workshop with its first document content; answers 201 with its links and key. */
  async function storeWorkshop(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    facts: NewWorkshopFacts,
    seed: Uint8Array,
  ) {
    const base = linkBase(req);
    const facilitatorKey = newFacilitatorKey();
    const record = await storeNewWorkshop(deps.storage, facts, hashKey(facilitatorKey), seed);
    sendCreated(res, base, record, facilitatorKey);
  }

  async function createWorkshop(req: http.IncomingMessage, res: http.ServerResponse) {
    await guard.admit('create', addressOf(req));
    const body = await readJson(req, CreateWorkshopBody);
    const template = deps.templates.get(body.template);
    if (!template)
      throw new HttpError(
        400,
        ErrorCode.INVALID_PAYLOAD,
        `template: unknown template ${body.template}`,
      );
    const facts = {
      title: body.title,
      templateId: template.id,
      locale: body.locale,
      anonymous: body.anonymous,
    };
    await storeWorkshop(req, res, facts, seedDocUpdate(template, body.locale));
  }

  /** A new workshop on the path of an exported one (the basis of re-runs). */
  async function importWorkshop(req: http.IncomingMessage, res: http.ServerResponse) {
    // Counted before the body is read: a refused import costs the server no 2 MiB.
    await guard.admit('import', addressOf(req)).catch((err: unknown) => {
      res.setHeader('connection', 'close');
      throw err;
    });
    const parsed = parseWorkshopExport(await readJsonValue(req, IMPORT_BODY_MAX_BYTES));
    if (!parsed.ok) {
      const { code, message } = parsed.error;
      throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, `${code}: ${message}`);
    }
    const { workshop, path, personas, situations } = parsed.value;
    const facts = {
      title: workshop.title,
      templateId: workshop.templateId,
      locale: workshop.locale,
    };
    await storeWorkshop(req, res, facts, pathDocUpdate({ path, personas, situations }));
  }

  /** The summary in one format, for whoever holds the facilitator key. */
  async function exportWorkshop(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    workshopId: string,
    format: string | null,
  ) {
    const actor = await deps.registry.get(workshopId);
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    await requireActorKey(req, actor);
    if (!isExportFormat(format)) {
      throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, formatRefusal(EXPORT_FORMAT_IDS));
    }
    // Exporting keeps an otherwise idle workshop loaded only for a while.
    const exp = await buildExport(deps, workshopId).finally(() => deps.registry.release(actor));
    const file = await renderExport(exp, format);
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(exp.workshop.title, file.extension),
      'content-length': file.body.byteLength,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(file.body);
  }

  /**
   * The summary for a participant (their own token), from the summary phase on; the
   * facilitator reads it at any time through the export.
   */
  async function participantSummary(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    workshopId: string,
  ) {
    const checked = deps.tokens.check(bearer(req) ?? '');
    if (!checked.ok && checked.code === ErrorCode.TOKEN_EXPIRED) {
      throw new HttpError(401, ErrorCode.TOKEN_EXPIRED, 'The participant token has expired');
    }
    const claims = checked.ok ? checked.claims : null;
    if (!claims || claims.w !== workshopId) {
      throw new HttpError(401, ErrorCode.UNAUTHORIZED, 'A participant token is required');
    }
    const actor = await deps.registry.get(workshopId);
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    const who = actor.participant(claims.p);
    if (!who) throw new HttpError(401, ErrorCode.UNAUTHORIZED, 'Unknown participant');
    if (who.role !== 'facilitator' && actor.state().control.phase !== 'summary') {
      deps.registry.release(actor);
      throw new HttpError(403, ErrorCode.INVALID_TRANSITION, 'The summary opens in its phase');
    }
    const exp = await buildExport(deps, workshopId).finally(() => deps.registry.release(actor));
    sendJson(res, 200, exp);
  }

  async function lookupCode(req: http.IncomingMessage, res: http.ServerResponse, code: string) {
    const normal = normaliseJoinCode(code);
    const workshop = await guard.lookUpCode(addressOf(req), normal, () =>
      deps.storage.findWorkshopByCode(normal),
    );
    if (!workshop) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No workshop with that code');
    sendJson(res, 200, { workshopId: workshop.id, title: workshop.title, locale: workshop.locale });
  }

  async function join(req: http.IncomingMessage, res: http.ServerResponse, workshopId: string) {
    const body = await readJson(req, JoinBody);
    const withKey = bearer(req) !== null;
    const role = withKey ? 'facilitator' : body.role;
    if (!role) throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, 'role: required');
    // Counted before the workshop is even loaded: joins to nowhere count too.
    if (!withKey) await guard.admit('join', addressOf(req));
    const actor = await deps.registry.get(workshopId);
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    // The key holder signs in whatever the room does: not counted, and not kept out of a
    // full room (the actor's bound on stored rows still holds).
    if (withKey) await requireActorKey(req, actor);
    const joined = await actor
      .join(body.name, role, maxParticipants)
      .catch((err: unknown) => {
        console.error(`[http] could not store a participant of ${workshopId}`, err);
        throw new HttpError(503, ErrorCode.STORAGE_FAILED, 'The participant could not be stored');
      })
      // Unloaded when idle, unless the newcomer connects meanwhile.
      .finally(() => deps.registry.release(actor));
    if (!joined.ok) throw new HttpError(409, joined.code, joined.message);
    const participant = joined.participant;
    sendJson(res, 201, {
      participantId: participant.id,
      role: participant.role,
      token: deps.tokens.sign({ w: workshopId, p: participant.id }),
    });
  }

  /**
   * Fills a practice workshop with simulated participants (facilitator key required), so
   * that a facilitator can try every phase alone. Once per workshop and process.
   */
  async function simulate(req: http.IncomingMessage, res: http.ServerResponse, workshopId: string) {
    const actor = await deps.registry.get(workshopId);
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    await requireActorKey(req, actor);
    const body = await readJson(req, SimulateBody);
    if (deps.simulated.has(workshopId)) {
      const message = 'This workshop already has simulated participants';
      throw new HttpError(409, ErrorCode.INVALID_TRANSITION, message);
    }
    const seats = await deps.simulated
      .add(actor, deps.tokens, body.count ?? SIMULATED_DEFAULT, body.seed)
      .catch((err: unknown) => {
        console.error(`[http] could not add simulated participants to ${workshopId}`, err);
        throw new HttpError(503, ErrorCode.STORAGE_FAILED, 'The participants could not be stored');
      });
    sendJson(res, 201, {
      participants: seats.map((s) => ({ participantId: s.participantId, ...s.person })),
    });
  }

  /** A projector screen's token, for whoever holds the facilitator key. */
  async function openScreen(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    workshopId: string,
  ) {
    const actor = await deps.registry.get(workshopId);
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    await requireActorKey(req, actor);
    sendJson(res, 201, {
      token: deps.tokens.sign({ w: workshopId, p: `screen-${newId(6)}`, s: true }),
    });
  }

  return async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    { path, query }: RequestTarget,
  ): Promise<boolean> {
    const method = req.method ?? 'GET';
    try {
      if (path === '/healthz' && method === 'GET') {
        sendJson(res, 200, { ok: true });
      } else if (path === '/readyz' && method === 'GET') {
        const ready = deps.readiness ? await deps.readiness() : { ok: true };
        res.setHeader('cache-control', 'no-store');
        sendJson(res, ready.ok ? 200 : 503, ready);
      } else if (path === '/api/templates' && method === 'GET') {
        sendJson(res, 200, { templates: [...deps.templates.values()] });
      } else if (path === '/api/workshops' && method === 'POST') {
        await createWorkshop(req, res);
      } else if (path === '/api/workshops/import' && method === 'POST') {
        await importWorkshop(req, res);
      } else if (/^\/api\/workshops\/[^/]+\/export$/.test(path) && method === 'GET') {
        await exportWorkshop(req, res, pathPart(path, 3), query.get('format'));
      } else if (/^\/api\/workshops\/[^/]+\/rerun$/.test(path) && method === 'POST') {
        await runs.rerun(req, res, pathPart(path, 3));
      } else if (/^\/api\/workshops\/[^/]+\/runs$/.test(path) && method === 'GET') {
        await runs.listRuns(req, res, pathPart(path, 3), query.get('format'));
      } else if (/^\/api\/workshops\/[^/]+\/summary$/.test(path) && method === 'GET') {
        await participantSummary(req, res, pathPart(path, 3));
      } else if (path.startsWith('/api/join/') && method === 'GET') {
        await lookupCode(req, res, pathPart(path, 3));
      } else if (/^\/api\/workshops\/[^/]+\/participants$/.test(path) && method === 'POST') {
        await join(req, res, pathPart(path, 3));
      } else if (/^\/api\/workshops\/[^/]+\/simulated$/.test(path) && method === 'POST') {
        await simulate(req, res, pathPart(path, 3));
      } else if (/^\/api\/workshops\/[^/]+\/screens$/.test(path) && method === 'POST') {
        await openScreen(req, res, pathPart(path, 3));
      } else if (path.startsWith('/api/')) {
        throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such endpoint');
      } else {
        return false;
      }
    } catch (err) {
      if (err instanceof HttpError) {
        // The unread rest of a refused body is not worth reading: end the connection.
        if (err.status === 413 || err.status === 415) res.setHeader('connection', 'close');
        if (err.retryAfterS) res.setHeader('retry-after', String(err.retryAfterS));
        sendJson(res, err.status, { error: { code: err.code, message: err.message } });
      } else if (err instanceof NotOwnerError) {
        // Several nodes: the workshop is served elsewhere just now; the client retries.
        res.setHeader('retry-after', '1');
        sendJson(res, 503, { error: { code: ErrorCode.NOT_OWNER, message: err.message } });
      } else {
        console.error('[http] request failed', err);
        sendJson(res, 500, { error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
      }
    }
    return true;
  };
}
