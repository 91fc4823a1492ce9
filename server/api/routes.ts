import {
  createWorkshop,
  health,
  importWorkshop,
  listTemplates,
  lookupCode,
  readiness,
} from './open-routes';
import { route } from './route';
import { exportWorkshop, join, openScreen, participantSummary, simulate } from './workshop-routes';

/**
 * The HTTP API (README, "HTTP API"): every route, once. Anything else under `/api/` is
 * 404 NOT_FOUND; any other path is Next's.
 */
export const ROUTES = [
  route('GET', '/healthz', health),
  route('GET', '/readyz', readiness),
  route('GET', '/api/templates', listTemplates),
  route('POST', '/api/workshops', createWorkshop),
  route('POST', '/api/workshops/import', importWorkshop),
  route('GET', '/api/join/:code', lookupCode),
  // Facilitator key: the summary in any format, and the runs of its series.
  route('GET', '/api/workshops/:id/export', exportWorkshop),
  route('POST', '/api/workshops/:id/rerun', (ctx, { req, res, params }) =>
    ctx.runs.rerun(req, res, params.id),
  ),
  route('GET', '/api/workshops/:id/runs', (ctx, { req, res, params, query }) =>
    ctx.runs.listRuns(req, res, params.id, query.get('format')),
  ),
  route('POST', '/api/workshops/:id/simulated', simulate),
  route('POST', '/api/workshops/:id/screens', openScreen),
  // A participant's token: the summary from its phase on.
  route('GET', '/api/workshops/:id/summary', participantSummary),
  // No credentials (the join code led here), or the key to sign in as facilitator.
  route('POST', '/api/workshops/:id/participants', join),
];
