import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { KEY_FAILURES_PER_ADDRESS } from '../lib/constants';
import { CSV_FILES } from '../lib/export/csv';
import { ErrorCode } from '../lib/protocol/codes';
import { ok } from './helpers/control';
import {
  download,
  everyExport,
  exportJson,
  exportUrl,
  room,
  SECRET,
  SHOWN,
  TITLE,
  walkAndRevealFirstStep,
  writeNotes,
} from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { readPdf } from './helpers/pdf';
import { rating } from './helpers/ratings';

const open = closeAfterEach();

describe('GET /api/workshops/:id/export', () => {
  it('refuses without the facilitator key, with a wrong one, and for an unknown format', async () => {
    const r = await room(open);
    const get = (format: string, key?: string, id = r.workshop.id) =>
      fetch(exportUrl(r.server, id, format), {
        headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
      });
    const error = async (res: Response) =>
      ((await res.json()) as { error: { code: string } }).error;

    const none = await get('json');
    expect(none.status).toBe(401);
    expect(await error(none)).toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    const wrong = await get('pdf', 'not-the-key');
    expect(wrong.status).toBe(401);
    expect(await error(wrong)).toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    // A participant's token is not the facilitator key either.
    expect((await get('md', r.leader.token)).status).toBe(401);

    const format = await get('docx', r.workshop.facilitatorKey);
    expect(format.status).toBe(400);
    expect(await error(format)).toMatchObject({ code: ErrorCode.INVALID_PAYLOAD });
    expect((await get('', r.workshop.facilitatorKey)).status).toBe(400);
    expect((await get('json', r.workshop.facilitatorKey, 'no-such-workshop')).status).toBe(404);
  });

  it('counts wrong keys as failures: guessing gets rate limited', async () => {
    const r = await room(open);
    const statuses: number[] = [];
    for (let i = 0; i <= KEY_FAILURES_PER_ADDRESS; i++) {
      const res = await fetch(exportUrl(r.server, r.workshop.id, 'json'), {
        headers: i % 2 ? { authorization: 'Bearer guess' } : {},
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, KEY_FAILURES_PER_ADDRESS).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('exports every format in the lobby, as files named after the title', async () => {
    const r = await room(open);
    const expected = {
      json: ['application/json; charset=utf-8', 'json'],
      md: ['text/markdown; charset=utf-8', 'md'],
      csv: ['application/zip', 'zip'],
      pdf: ['application/pdf', 'pdf'],
      svg: ['image/svg+xml; charset=utf-8', 'svg'],
    };
    for (const [format, [type, extension]] of Object.entries(expected)) {
      const { res, bytes } = await download(r.server, r.workshop, format);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Tilauksesta laskuun - kevat.${extension}"; ` +
          `filename*=UTF-8''${encodeURIComponent(`${TITLE}.${extension}`)}`,
      );
      expect(bytes.byteLength).toBe(Number(res.headers.get('content-length')));
      if (format === 'svg') {
        const svg = Buffer.from(bytes).toString('utf8');
        expect(svg).toContain('<title id="map-title">Polkukartta: ');
        expect(svg).toContain('Käyrät näkyvät, kun arviot on paljastettu.'); // nothing revealed
      }
    }
    const exp = await exportJson(r.server, r.workshop);
    expect(exp.workshop).toMatchObject({ title: TITLE, locale: 'fi', phase: 'lobby', rounds: 1 });
    expect(exp.participantsByRole).toEqual({ facilitator: 1, leader: 1, customer: 2 });
    expect(exp.ratings).toEqual([]);
    expect(exp.path.length).toBeGreaterThan(5);
  });

  it('shows revealed ratings during the walk and never the unrevealed ones', async () => {
    const r = await room(open);
    await walkAndRevealFirstStep(r);
    await ok(r.fac.client, 'walk:next');
    await ok(r.customers[0].client, 'rating:put', rating(r.steps[1]!, { note: SECRET }));

    const exp = await exportJson(r.server, r.workshop);
    expect(exp.workshop.phase).toBe('walk');
    const seen = exp.ratings.map((x) => [x.stepId, x.role, x.valence, x.name]);
    expect(seen.sort((a, b) => Number(b[2]) - Number(a[2]))).toEqual([
      [r.steps[0], 'leader', 2, null],
      [r.steps[0], 'customer', -2, null],
      [r.steps[0], 'customer', -3, null],
    ]);
    expect(exp.analysis.curve[0]?.byRole.customer?.mean).toBe(-2.5);
    expect(exp.analysis.curve[1]?.overall).toBeNull();

    const all = await everyExport(r.server, r.workshop);
    for (const text of all) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Asta Asiakas'); // anonymous: no rater names
    }
    const [json, , ...rest] = all;
    expect(json).toContain(SHOWN);
    const ratingsCsv = rest.find((t) => t.startsWith('round,'))!;
    expect(ratingsCsv.trim().split('\r\n')).toHaveLength(4);
    expect(ratingsCsv).toContain(`"${SHOWN.replace(/"/g, '""')}"`);
    expect(all.at(-1)).toContain('Tunnekäyrä');
  });

  it('names raters and note authors only in a named workshop', async () => {
    const r = await room(open);
    await ok(r.fac.client, 'settings:anonymous', { anonymous: false });
    await walkAndRevealFirstStep(r);
    await writeNotes(open, r, [{ id: 'pain-1', lane: 'pains', text: 'Jono' }]);
    const exp = await exportJson(r.server, r.workshop);
    expect(exp.workshop.anonymous).toBe(false);
    expect(exp.ratings.map((x) => x.name).sort()).toEqual([
      'Asta Asiakas',
      'Bertta Asiakas',
      'Leena Johtaja',
    ]);
    expect(exp.notes.map((n) => n.authorName)).toEqual(['Asta Asiakas']);
  });

  it('exports the finished workshop: ideas with their dots, actions, pains', async () => {
    const r = await room(open);
    await walkAndRevealFirstStep(r);
    await writeNotes(open, r, [
      { id: 'idea-1', lane: 'ideas', text: '=Maksulinkki sähköpostiin' },
      { id: 'idea-2', lane: 'ideas', text: 'Chat auki iltaisin' },
      { id: 'pain-1', lane: 'pains', text: 'Viitenumero puuttuu 😀' },
    ]);
    await r.server.storage.putVote({
      workshopId: r.workshop.id,
      participantId: r.leader.id,
      ideaId: 'idea-2',
      dots: 2,
    });
    await r.server.storage.putVote({
      workshopId: r.workshop.id,
      participantId: r.customers[1].id,
      ideaId: 'idea-2',
      dots: 1,
    });
    await r.server.storage.putVote({
      workshopId: r.workshop.id,
      participantId: r.customers[1].id,
      ideaId: 'idea-1',
      dots: 1,
    });
    await r.server.storage.putAction({
      id: 'action-1',
      workshopId: r.workshop.id,
      text: '+Selvitä laskun viite – Åsa',
      owner: 'Åsa Öberg',
      department: 'Talous',
      dueDate: '2026-05-31',
      stepId: r.steps[1]!,
      ideaId: 'idea-1',
      createdBy: null,
      createdAt: Date.now(),
    });
    await ok(r.fac.client, 'phase:set', { phase: 'summary' });

    const exp = await exportJson(r.server, r.workshop);
    expect(exp.workshop.phase).toBe('summary');
    expect(exp.ideas.map((i) => [i.noteId, i.dots])).toEqual([
      ['idea-2', 3],
      ['idea-1', 1],
    ]);
    expect(exp.actions).toEqual([expect.objectContaining({ id: 'action-1', owner: 'Åsa Öberg' })]);
    expect(exp.notes.every((n) => n.authorName === '')).toBe(true); // anonymous workshop

    const md = Buffer.from((await download(r.server, r.workshop, 'md')).bytes).toString('utf8');
    expect(md).toContain('| 1 | Chat auki iltaisin |');
    expect(md).toContain('- Viitenumero puuttuu 😀');
    expect(md).toContain('| +Selvitä laskun viite – Åsa | Åsa Öberg | Talous | 2026-05-31 |');

    const zip = unzipSync((await download(r.server, r.workshop, 'csv')).bytes);
    expect(Object.keys(zip).sort()).toEqual([...CSV_FILES].sort());
    const votes = strFromU8(zip['votes.csv']!);
    expect(votes).toContain(',Chat auki iltaisin,3\r\n');
    expect(votes).toContain(",'=Maksulinkki sähköpostiin,1\r\n");
    expect(strFromU8(zip['actions.csv']!)).toContain("'+Selvitä laskun viite – Åsa,Åsa Öberg");

    const pdf = await readPdf((await download(r.server, r.workshop, 'pdf')).bytes);
    const text = pdf.text.join(' ');
    expect(pdf.info.Title).toBe(TITLE);
    expect(text).toContain('Tilauksesta laskuun – ”kevät” 😀'); // the PDF's font has it
    for (const step of exp.path) expect(text).toContain(step.title);
    expect(text).toContain('Chat auki iltaisin');
    expect(text).toContain('Viitenumero puuttuu 😀');
  });
});
