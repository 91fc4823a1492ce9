import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { control } from '@/lib/domain/command-fixtures';
import { PHASES } from '@/lib/domain/phases';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { useSession } from '@/lib/stores/session-store';
import { PhaseGuidePanel } from './phase-guide-panel';

const catalogues = { en, fi };

function inLocale(locale: 'en' | 'fi', ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
      {ui}
    </NextIntlClientProvider>,
  );
}

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend }));

describe('PhaseGuidePanel', () => {
  it.each(['en', 'fi'] as const)(
    'gives every phase a purpose, a duration and a script in %s',
    (locale) => {
      for (const phase of PHASES) {
        const { unmount } = inLocale(
          locale,
          <PhaseGuidePanel control={control({ phase })} stepCount={8} />,
        );
        const guide = screen.getByTestId('phase-guide');
        const texts = catalogues[locale].phaseGuide[phase];
        expect(guide.textContent, phase).toContain(texts.purpose);
        expect(guide.textContent, phase).toContain(texts.script);
        expect(guide.textContent, phase).toContain(texts.watch);
        expect(guide.textContent, phase).toContain(catalogues[locale].phases[phase]);
        expect(Number(screen.getByTestId('phase-guide-minutes').dataset.minutes)).toBeGreaterThan(
          0,
        );
        unmount();
      }
    },
  );

  it('starts the timer with the suggested length of the phase', async () => {
    const send = vi.fn().mockResolvedValue({ ok: true, data: {} });
    useSession.setState({ send });
    inLocale('en', <PhaseGuidePanel control={control({ phase: 'walk' })} stepCount={8} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a 24 min timer' }));
    expect(send).toHaveBeenCalledWith('timer:start', { durationMs: 24 * 60_000 });
  });

  it('offers no timer in the lobby and the summary', () => {
    for (const phase of ['lobby', 'summary'] as const) {
      const { unmount } = inLocale(
        'en',
        <PhaseGuidePanel control={control({ phase })} stepCount={8} />,
      );
      expect(screen.queryByRole('button')).toBeNull();
      unmount();
    }
  });

  it('can be closed, and says so to a screen reader', () => {
    inLocale('en', <PhaseGuidePanel control={control({ phase: 'vote' })} stepCount={8} />);
    const guide = screen.getByTestId('phase-guide') as HTMLDetailsElement;
    expect(guide.open).toBe(true);
    const summary = guide.querySelector('summary') as HTMLElement;
    expect(summary.textContent).toBe("Facilitator's guide: Vote (Hide the guide)");
    guide.open = false;
    fireEvent(guide, new Event('toggle'));
    expect(summary.textContent).toContain('Show the guide');
  });
});
