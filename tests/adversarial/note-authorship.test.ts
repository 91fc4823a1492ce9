import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesMap, readNotes } from '../../lib/board/board-doc';
import type { WorkshopExport } from '../../lib/export/model';
import { WriteDenied } from '../../lib/protocol/codes';
import { boardClient, handled } from '../helpers/board';
import { ok } from '../helpers/control';
import { everyExport, exportJson, room } from '../helpers/export';
import { waitFor } from '../helpers/server';

/**
 * Issue 21, item 9: a note's author is who the roster says wrote it. A customer proxy's
 * note signed `authorRole: 'leader'`, `authorName: 'The CEO'` was exported as the CEO's;
 * a note written as docs/protocol.md describes (without those fields) as an observer's
 * with no name. The server now names authors from the roster, by `authorId`.
 */
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** A note with exactly `fields` (and a Y.Text text), as a hand-written client would send it. */
function rawNote(doc: Y.Doc, id: string, fields: Record<string, unknown>, text: string): void {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  map.set('text', new Y.Text(text));
  notesMap(doc).set(id, map as never);
}

describe('who wrote a note (issue 21, item 9)', () => {
  it('comes from the roster, on the board’s exports and the summary, whatever the client wrote', async () => {
    const r = await room(open);
    const asta = r.customers[0];
    const bertta = r.customers[1];
    await ok(r.fac.client, 'settings:anonymous', { anonymous: false }); // names shown
    const proxy = await boardClient(r.server, r.workshop.id, asta.token, open);
    const fran = await boardClient(r.server, r.workshop.id, r.fac.token, open);
    const step = r.steps[1]!;
    const base = { lane: 'pains', stepId: step, createdAt: Date.now(), groupId: null };

    rawNote(
      proxy.doc,
      'forged',
      { ...base, authorId: asta.id, authorRole: 'leader', authorName: 'The CEO' },
      'zq-forged-signature',
    );
    rawNote(proxy.doc, 'as-bertta', { ...base, authorId: bertta.id }, 'zq-in-bertta-name');
    // Exactly the fields docs/protocol.md lists for a note.
    rawNote(proxy.doc, 'documented', { ...base, authorId: asta.id }, 'zq-documented-note');
    await handled(proxy, fran);
    await waitFor(() => notesMap(fran.doc).has('documented'), 5000, 'the documented note');

    const stored = notesMap(fran.doc).get('forged')?.toJSON() as
      Record<string, unknown> | undefined;
    expect(stored?.authorName ?? null).toBeNull();
    expect(stored?.authorRole ?? null).toBeNull();
    expect(proxy.denied).toContain(WriteDenied.NOT_YOUR_NOTE);
    expect(readNotes(fran.doc).some((n) => n.text === 'zq-in-bertta-name')).toBe(false);

    const exp = await exportJson(r.server, r.workshop);
    const authors = (e: WorkshopExport) =>
      e.notes.map((n) => [n.text, n.authorRole, n.authorName]).sort();
    const expected = [['zq-documented-note', 'customer', 'Asta Asiakas']];
    if (stored) expected.unshift(['zq-forged-signature', 'customer', 'Asta Asiakas']);
    expect(authors(exp)).toEqual(expected.sort());

    // JSON, Markdown, every CSV file and the PDF.
    const files = await everyExport(r.server, r.workshop);
    for (const text of files) {
      expect(text).not.toContain('The CEO');
      expect(text).not.toContain('zq-in-bertta-name');
    }
    const notesCsv = files.find((f) => f.includes('author_role'))!;
    const row = notesCsv.split('\n').find((line) => line.includes('zq-documented-note'));
    expect(row).toContain('customer');
    expect(row).toContain('Asta Asiakas');

    await ok(r.fac.client, 'phase:set', { phase: 'summary' });
    const summary = async () => {
      const res = await fetch(`${r.server.url}/api/workshops/${r.workshop.id}/summary`, {
        headers: { authorization: `Bearer ${asta.token}` },
      });
      expect(res.status).toBe(200);
      return authors((await res.json()) as WorkshopExport);
    };
    expect(await summary()).toEqual(expected.sort());

    // Anonymous: the roster's role, and no name anywhere.
    await ok(r.fac.client, 'settings:anonymous', { anonymous: true });
    expect(await summary()).toEqual(expected.map(([text, role]) => [text, role, '']).sort());
    for (const text of await everyExport(r.server, r.workshop)) {
      expect(text).not.toContain('Asta Asiakas');
    }
  });
});
