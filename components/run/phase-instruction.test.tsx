import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { PHASES } from '@/lib/domain/phases';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { PhaseInstruction } from './phase-instruction';

const catalogues = { en, fi };

function shown(locale: 'en' | 'fi', ui: React.ReactNode): string {
  const { unmount } = render(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
      {ui}
    </NextIntlClientProvider>,
  );
  const text = screen.getByTestId('phase-instruction').textContent ?? '';
  unmount();
  return text;
}

describe('PhaseInstruction', () => {
  it.each(['en', 'fi'] as const)(
    'tells a participant what to do in every phase, in %s',
    (locale) => {
      const lines = PHASES.map((phase) =>
        shown(locale, <PhaseInstruction phase={phase} role="staff" />),
      );
      PHASES.forEach((phase, i) => {
        expect(lines[i]).toContain(catalogues[locale].phaseInstruction[phase]);
        // Announced with its purpose for a screen reader ("What to do now: …").
        expect(lines[i]?.startsWith(catalogues[locale].phaseInstruction.label)).toBe(true);
      });
      // A different line in every phase: nothing generic.
      expect(new Set(lines).size).toBe(PHASES.length);
    },
  );

  it('tells an observer that they watch, rather than asking them to rate or vote', () => {
    for (const phase of ['walk', 'vote', 'ideate'] as const) {
      expect(shown('en', <PhaseInstruction phase={phase} role="observer" />)).toContain(
        en.phaseInstruction.observer,
      );
    }
    expect(shown('en', <PhaseInstruction phase="walk" role="customer" />)).not.toContain(
      en.phaseInstruction.observer,
    );
  });

  it.each(['en', 'fi'] as const)(
    'says in %s that the warm-up is closed, and points at its results, once it is',
    (locale) => {
      const c = catalogues[locale].phaseInstruction;
      const line = shown(locale, <PhaseInstruction phase="warmup" role="staff" warmupClosed />);
      expect(line).toContain(c.warmupClosed);
      expect(line).not.toContain(c.warmup);
      // An observer reads the same: there is nothing left to answer.
      expect(
        shown(locale, <PhaseInstruction phase="warmup" role="observer" warmupClosed />),
      ).toContain(c.warmupClosed);
    },
  );

  it.each(['en', 'fi'] as const)(
    'in the actions phase says, in %s, that participants write actions once the facilitator allows it',
    (locale) => {
      const c = catalogues[locale].phaseInstruction;
      const allowed = shown(
        locale,
        <PhaseInstruction phase="actions" role="staff" actionsByParticipants />,
      );
      expect(allowed).toContain(c.actionsOwn);
      expect(allowed).not.toContain(c.actions);
      expect(shown(locale, <PhaseInstruction phase="actions" role="staff" />)).toContain(c.actions);
    },
  );

  it.each(['en', 'fi'] as const)(
    'says in %s that the voting is closed once it is, not to spend dots',
    (locale) => {
      const c = catalogues[locale].phaseInstruction;
      const line = shown(locale, <PhaseInstruction phase="vote" role="staff" votingClosed />);
      expect(line).toContain(c.voteClosed);
      expect(line).not.toContain(c.vote);
    },
  );
});
