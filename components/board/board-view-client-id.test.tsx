import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { WriteDenied } from '@/lib/protocol/codes';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { BoardView } from './board-view';

const catalogues = { en, fi };

const step: PathStep = {
  id: 's1',
  title: 'Request a quote',
  description: '',
  stage: 'before',
  channel: 'web',
  department: '',
  critical: false,
  targetFeeling: '',
  artefact: null,
};

function board(locale: 'en' | 'fi') {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
      <BoardView
        doc={new Y.Doc()}
        steps={[step]}
        stepId="s1"
        phase="reflect"
        viewer={{ participantId: 'anna', name: 'Anna', role: 'customer' }}
        anonymous={false}
        hiddenLanes={[]}
        boardLocked={false}
      />
    </NextIntlClientProvider>,
  );
}

afterEach(() => useWorkshopDoc.setState({ denied: null, recovery: null }));

describe('the board when the server refuses the page’s client id', () => {
  it.each([
    ['en', 'Another page was using this page’s connection to the board', 'saved again now'],
    ['fi', 'Toinen sivu käytti tämän sivun yhteyttä tauluun', 'tallennetaan nyt uudelleen'],
  ] as const)(
    'says in %s what happened and that the changes are being saved again',
    (locale, what, next) => {
      useWorkshopDoc.setState({ denied: WriteDenied.NOT_YOUR_CLIENT, recovery: 'running' });
      board(locale);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(what);
      expect(alert.textContent).toContain(next);
    },
  );

  it.each([
    ['en', 'Your changes are saved again.'],
    ['fi', 'Muutoksesi on taas tallennettu.'],
  ] as const)('says in %s once they are', (locale, text) => {
    useWorkshopDoc.setState({ denied: null, recovery: 'done' });
    board(locale);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(text)).toBeTruthy();
  });

  it.each([
    ['en', 'opened too many times'],
    ['fi', 'liian monta kertaa'],
  ] as const)('says in %s when the page may not take another id', (locale, text) => {
    useWorkshopDoc.setState({ denied: WriteDenied.TOO_MANY_CLIENTS });
    board(locale);
    expect(screen.getByRole('alert').textContent).toContain(text);
  });
});

describe('where a refusal is shown', () => {
  it('in the notices kept in view (sticky) above the lanes, in both languages', () => {
    // The review: "share-full" was shown at the top of the board, 44,000 px above the lane
    // the person was writing in.
    useWorkshopDoc.setState({ denied: WriteDenied.SHARE_FULL });
    for (const locale of ['en', 'fi'] as const) {
      const { unmount } = board(locale);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toBe(catalogues[locale].board.denied['share-full']);
      const notices = alert.closest('[data-testid="board-notices"]');
      expect(notices?.className.split(/\s+/)).toContain('sticky');
      unmount();
    }
  });
});
