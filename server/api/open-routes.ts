import type http from 'node:http';
import { pathDocUpdate, seedDocUpdate } from '../../lib/board/path-doc';
import { normaliseJoinCode } from '../../lib/domain/join-code';
import { parseWorkshopExport } from '../../lib/export/json';
import { ErrorCode } from '../../lib/protocol/codes';
import { CreateWorkshopBody } from '../../lib/protocol/schemas';
import { hashKey, newFacilitatorKey } from '../auth';
import { HttpError, readJson, readJsonValue, sendJson } from '../http-util';
import { type NewWorkshopFacts, sendCreated, storeNewWorkshop } from '../new-workshop';
import type { ApiContext } from './context';
import type { Handler } from './route';

/** An import carries a whole workshop: it may be far larger than other bodies. */
const IMPORT_BODY_MAX_BYTES = 2 * 1024 * 1024;

/** GET /healthz: the process answers. */
export const health: Handler = (_ctx, { res }) => sendJson(res, 200, { ok: true });

/** GET /readyz: storage (and Redis, with several nodes) reachable. */
export const readiness: Handler = async (ctx, { res }) => {
  const ready = ctx.readiness ? await ctx.readiness() : { ok: true };
  res.setHeader('cache-control', 'no-store');
  sendJson(res, ready.ok ? 200 : 503, ready);
};

/** GET /api/templates */
export const listTemplates: Handler = (ctx, { res }) =>
  sendJson(res, 200, { templates: [...ctx.templates.values()] });

/** Stores a new workshop with its first document content; answers 201 with its links and key. */
async function storeWorkshop(
  ctx: ApiContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  facts: NewWorkshopFacts,
  seed: Uint8Array,
) {
  const base = ctx.linkBase(req);
  const facilitatorKey = newFacilitatorKey();
  const record = await storeNewWorkshop(ctx.storage, facts, hashKey(facilitatorKey), seed);
  sendCreated(res, base, record, facilitatorKey);
}

/** POST /api/workshops: a new workshop from a template. */
export const createWorkshop: Handler = async (ctx, { req, res }) => {
  await ctx.guard.admit('create', ctx.addressOf(req));
  const body = await readJson(req, CreateWorkshopBody);
  const template = ctx.templates.get(body.template);
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
  await storeWorkshop(ctx, req, res, facts, seedDocUpdate(template, body.locale));
};

/** POST /api/workshops/import: a new workshop on the path of an exported one (the basis of re-runs). */
export const importWorkshop: Handler = async (ctx, { req, res }) => {
  // Counted before the body is read: a refused import costs the server no 2 MiB.
  await ctx.guard.admit('import', ctx.addressOf(req)).catch((err: unknown) => {
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
  await storeWorkshop(ctx, req, res, facts, pathDocUpdate({ path, personas, situations }));
};

/** GET /api/join/:code: the workshop a join code opens (wrong codes are counted). */
export const lookupCode: Handler<'code'> = async (ctx, { req, res, params }) => {
  const normal = normaliseJoinCode(params.code);
  const workshop = await ctx.guard.lookUpCode(ctx.addressOf(req), normal, () =>
    ctx.storage.findWorkshopByCode(normal),
  );
  if (!workshop) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No workshop with that code');
  sendJson(res, 200, { workshopId: workshop.id, title: workshop.title, locale: workshop.locale });
};
