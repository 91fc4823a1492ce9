import type http from 'node:http';
import { pathDocUpdate, readPath, readPersonas, readSituations } from '../lib/board/path-doc';
import { compareRuns } from '../lib/export/compare';
import { renderComparisonMarkdown } from '../lib/export/compare-markdown';
import { contentDisposition } from '../lib/export/file-name';
import {
  EXPORT_FORMATS,
  formatRefusal,
  isSeriesFormat,
  SERIES_FORMAT_IDS,
} from '../lib/export/formats';
import type { WorkshopExport } from '../lib/export/model';
import { exportWords } from '../lib/export/words';
import { assertNever } from '../lib/domain/assert-never';
import { ErrorCode } from '../lib/protocol/codes';
import { RerunBody } from '../lib/protocol/schemas';
import { newId } from './auth';
import { buildExport } from './export/build-export';
import { type ReadDoc, storedDocReader } from './workshops/stored-doc';
import { clientAddress, HttpError, readJson, sendJson } from './http-util';
import { sendCreated, storeNewWorkshop } from './new-workshop';
import type { Storage, WorkshopRecord } from './storage/storage';
import type { WorkshopRooms } from './workshops/rooms';

export interface RunsApiDeps {
  storage: Storage;
  registry: WorkshopRooms;
  readDoc: ReadDoc;
  /** The base of the links a new run is handed out with; 400 for a host not allowed. */
  linkBase(req: http.IncomingMessage): string;
  /**
   * The facilitator key the request carries, if it opens workshop `workshopId` (with this
   * key hash); otherwise throws 401 (counted as a failure), or 429 past the limits.
   */
  requireKey(
    req: http.IncomingMessage,
    facilitatorKeyHash: string,
    workshopId: string,
  ): Promise<string>;
  /** Counts a new workshop from the request's address; throws 429 past the limit. */
  admit(what: 'create', address: string): Promise<void>;
  trustProxy?: boolean;
}

/**
 * Runs of the same path: "run again" (a new workshop in the source's series, opened by
 * the same facilitator key) and every run of a series, as exports or compared (issue 7).
 */
export function createRunsApi(deps: RunsApiDeps) {
  async function workshopOrNotFound(id: string): Promise<WorkshopRecord> {
    const record = await deps.storage.getWorkshop(id);
    if (!record) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    return record;
  }

  /** POST /api/workshops/:id/rerun: a new run on the source's current path. */
  async function rerun(req: http.IncomingMessage, res: http.ServerResponse, sourceId: string) {
    const source = await workshopOrNotFound(sourceId);
    const key = await deps.requireKey(req, source.facilitatorKeyHash, sourceId);
    // A re-run is a new workshop: counted as one, even for the key holder.
    await deps.admit('create', clientAddress(req, deps.trustProxy ?? false));
    const body = await readJson(req, RerunBody);
    const base = deps.linkBase(req);
    // The path as edited, not as the template had it.
    const content = await deps.readDoc(sourceId, (doc) => ({
      path: readPath(doc),
      personas: readPersonas(doc),
      situations: readSituations(doc),
    }));
    const facts = {
      title: source.title,
      templateId: source.templateId,
      locale: source.locale,
      seriesId: source.seriesId,
    };
    const record = await storeNewWorkshop(
      deps.storage,
      facts,
      source.facilitatorKeyHash,
      pathDocUpdate(content),
    );
    if (body.carryActions) {
      for (const action of await deps.storage.listActions(sourceId)) {
        // The idea lives on the source's board and the creator in the source's roster:
        // neither is in the new run, so the copy links to neither.
        await deps.storage.putAction({
          ...action,
          id: newId(),
          workshopId: record.id,
          ideaId: null,
          createdBy: null,
        });
      }
    }
    sendCreated(res, base, record, key);
  }

  /** One run's export; loading its actor only for as long as an export keeps it. */
  async function exportRun(id: string): Promise<WorkshopExport> {
    // Another node serves this run (it is live there): read a copy, never take it over.
    const copy = await deps.registry.readOnlyCopy(id);
    if (copy) {
      try {
        return await buildExport(
          { ...deps, registry: { get: async () => copy }, readDoc: storedDocReader(deps.storage) },
          id,
        );
      } finally {
        copy.dispose();
      }
    }
    const actor = await deps.registry.get(id);
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such workshop');
    return buildExport(deps, id).finally(() => deps.registry.release(actor));
  }

  /** GET /api/workshops/:id/runs?format=json|md: every run of the series, oldest first. */
  async function listRuns(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    workshopId: string,
    format: string | null,
  ) {
    const record = await workshopOrNotFound(workshopId);
    await deps.requireKey(req, record.facilitatorKeyHash, workshopId);
    if (!isSeriesFormat(format)) {
      throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, formatRefusal(SERIES_FORMAT_IDS));
    }
    // Every run of a series has its key; a run that did not would not be this caller's.
    const series = (await deps.storage.listSeries(record.seriesId)).filter(
      (run) => run.facilitatorKeyHash === record.facilitatorKeyHash,
    );
    const runs: WorkshopExport[] = [];
    for (const run of series) runs.push(await exportRun(run.id));
    switch (format) {
      case 'json':
        return sendJson(res, 200, { runs });
      case 'md':
        return sendComparison(res, runs, record);
      default:
        return assertNever(format);
    }
  }

  /** The runs compared, as a Markdown file named after the latest run. */
  function sendComparison(
    res: http.ServerResponse,
    runs: WorkshopExport[],
    record: WorkshopRecord,
  ) {
    const comparison = compareRuns(runs);
    const body = Buffer.from(renderComparisonMarkdown(comparison), 'utf8');
    const latest = comparison.runs.at(-1) ?? record;
    const heading = exportWords(latest.locale).t.compareHeading;
    const { contentType, extension } = EXPORT_FORMATS.md;
    res.writeHead(200, {
      'content-type': contentType,
      'content-disposition': contentDisposition(`${latest.title} – ${heading}`, extension),
      'content-length': body.byteLength,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  }

  return { rerun, listRuns };
}
