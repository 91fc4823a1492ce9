import { SIMULATED_DEFAULT } from '../../lib/constants';
import { contentDisposition } from '../../lib/export/file-name';
import { EXPORT_FORMAT_IDS, formatRefusal, isExportFormat } from '../../lib/export/formats';
import { ErrorCode } from '../../lib/protocol/codes';
import { JoinBody, SimulateBody } from '../../lib/protocol/schemas';
import { newId } from '../auth';
import { buildExport } from '../export/build-export';
import { renderExport } from '../export/render-export';
import { bearer, HttpError, readJson, sendJson } from '../http-util';
import { withActor } from './context';
import type { Handler } from './route';

/** GET /api/workshops/:id/export?format=…: the summary in one format, for the key holder. */
export const exportWorkshop: Handler<'id'> = async (ctx, { req, res, params, query }) => {
  // Exporting keeps an otherwise idle workshop loaded only for a while.
  const { exp, format } = await withActor(ctx, params.id, async (actor) => {
    await ctx.requireActorKey(req, actor);
    const format = query.get('format');
    if (!isExportFormat(format)) {
      throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, formatRefusal(EXPORT_FORMAT_IDS));
    }
    return { exp: await buildExport(ctx, params.id), format };
  });
  const file = await renderExport(exp, format);
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(exp.workshop.title, file.extension),
    'content-length': file.body.byteLength,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(file.body);
};

/**
 * GET /api/workshops/:id/summary: the summary for a participant (their own token), from
 * the summary phase on; the facilitator reads it at any time through the export.
 */
export const participantSummary: Handler<'id'> = async (ctx, { req, res, params }) => {
  const workshopId = params.id;
  const checked = ctx.tokens.check(bearer(req) ?? '');
  if (!checked.ok && checked.code === ErrorCode.TOKEN_EXPIRED) {
    throw new HttpError(401, ErrorCode.TOKEN_EXPIRED, 'The participant token has expired');
  }
  const claims = checked.ok ? checked.claims : null;
  if (!claims || claims.w !== workshopId) {
    throw new HttpError(401, ErrorCode.UNAUTHORIZED, 'A participant token is required');
  }
  const exp = await withActor(ctx, workshopId, async (actor) => {
    const who = actor.participant(claims.p);
    if (!who) throw new HttpError(401, ErrorCode.UNAUTHORIZED, 'Unknown participant');
    if (who.role !== 'facilitator' && actor.state().control.phase !== 'summary') {
      throw new HttpError(403, ErrorCode.INVALID_TRANSITION, 'The summary opens in its phase');
    }
    return buildExport(ctx, workshopId);
  });
  sendJson(res, 200, exp);
};

/** POST /api/workshops/:id/participants: joins by name and role, or as facilitator by key. */
export const join: Handler<'id'> = async (ctx, { req, res, params }) => {
  const workshopId = params.id;
  const body = await readJson(req, JoinBody);
  const withKey = bearer(req) !== null;
  const role = withKey ? 'facilitator' : body.role;
  if (!role) throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, 'role: required');
  // Counted before the workshop is even loaded: joins to nowhere count too.
  if (!withKey) await ctx.guard.admit('join', ctx.addressOf(req));
  // Unloaded when idle, unless the newcomer connects meanwhile.
  const joined = await withActor(ctx, workshopId, async (actor) => {
    // The key holder signs in whatever the room does: not counted, and not kept out of a
    // full room (the actor's bound on stored rows still holds).
    if (withKey) await ctx.requireActorKey(req, actor);
    return actor.join(body.name, role, ctx.maxParticipants).catch((err: unknown) => {
      console.error(`[http] could not store a participant of ${workshopId}`, err);
      throw new HttpError(503, ErrorCode.STORAGE_FAILED, 'The participant could not be stored');
    });
  });
  if (!joined.ok) throw new HttpError(409, joined.code, joined.message);
  const participant = joined.participant;
  sendJson(res, 201, {
    participantId: participant.id,
    role: participant.role,
    token: ctx.tokens.sign({ w: workshopId, p: participant.id }),
  });
};

/**
 * POST /api/workshops/:id/simulated: fills a practice workshop with simulated participants
 * (facilitator key required), so that a facilitator can try every phase alone. Once per
 * workshop and process.
 */
export const simulate: Handler<'id'> = async (ctx, { req, res, params }) => {
  const workshopId = params.id;
  // The simulated participants connect, and keep it loaded while they run.
  const seats = await withActor(ctx, workshopId, async (actor) => {
    await ctx.requireActorKey(req, actor);
    const body = await readJson(req, SimulateBody);
    if (ctx.simulated.has(workshopId)) {
      const message = 'This workshop already has simulated participants';
      throw new HttpError(409, ErrorCode.INVALID_TRANSITION, message);
    }
    return ctx.simulated
      .add(actor, ctx.tokens, body.count ?? SIMULATED_DEFAULT, body.seed)
      .catch((err: unknown) => {
        console.error(`[http] could not add simulated participants to ${workshopId}`, err);
        throw new HttpError(503, ErrorCode.STORAGE_FAILED, 'The participants could not be stored');
      });
  });
  sendJson(res, 201, {
    participants: seats.map((s) => ({ participantId: s.participantId, ...s.person })),
  });
};

/** POST /api/workshops/:id/screens: a projector screen's token, for the key holder. */
export const openScreen: Handler<'id'> = async (ctx, { req, res, params }) => {
  await withActor(ctx, params.id, (actor) => ctx.requireActorKey(req, actor));
  sendJson(res, 201, {
    token: ctx.tokens.sign({ w: params.id, p: `screen-${newId(6)}`, s: true }),
  });
};
