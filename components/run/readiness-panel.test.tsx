import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { control } from '@/lib/domain/command-fixtures';
import type { ProgressFacts } from '@/lib/domain/progress';
import type { ControlState, ParticipantView } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { ReadinessPanel } from './readiness-panel';

const person = (id: string, name: string, role: ParticipantView['role']): ParticipantView => ({
  id,
  name,
  role,
  lens: role === 'customer' ? 'customer' : 'staff',
  online: true,
});
const ROOM = [
  person('f', 'Fran', 'facilitator'),
  person('a', 'Anna', 'customer'),
  person('b', 'Ben', 'leader'),
  person('c', 'Cai', 'staff'),
  person('o', 'Olli', 'observer'),
];

function panel(
  locale: 'en' | 'fi',
  over: Partial<ControlState>,
  progress: ProgressFacts,
  showNames: boolean,
) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'en' ? en : fi}>
      <ReadinessPanel
        control={control(over)}
        participants={ROOM}
        progress={progress}
        showNames={showNames}
      />
    </NextIntlClientProvider>,
  );
  return screen.getByTestId('readiness');
}

const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim();
const walk = { phase: 'walk', stepId: 's1' } as const;
const vote = { phase: 'vote', stepId: null } as const;
const none = { doneIds: [], dotsSpent: {} };

describe('the progress panel in the walk: rating the step is what counts', () => {
  it('counts who has rated, names who has not for the facilitator (en)', () => {
    // Before: "0 of 3 done" beside "2 of 3 have rated this step" (issue 22, item 3).
    const el = panel('en', walk, { doneIds: ['a', 'b'], dotsSpent: {} }, true);
    expect(el.dataset.done).toBe('2');
    expect(el.dataset.total).toBe('3');
    expect(text(el)).toContain('2 of 3 have rated this step');
    expect(text(el)).toContain('Waiting for: Cai');
    expect(text(el)).not.toContain('done');
  });

  it('gives counts, not names, on the projector of an anonymous workshop (fi, plurals)', () => {
    const one = panel('fi', walk, { doneIds: ['a', 'b'], dotsSpent: {} }, false);
    expect(text(one)).toContain('2/3 on arvioinut tämän askeleen');
    expect(text(one)).toContain('Odotetaan yhtä henkilöä');
    expect(text(one)).not.toContain('Cai');
  });

  it('says everyone has rated once all three have (en and fi)', () => {
    const all = { doneIds: ['a', 'b', 'c'], dotsSpent: {} };
    expect(text(panel('en', walk, all, false))).toContain('Everyone has rated this step');
    document.body.innerHTML = '';
    expect(text(panel('fi', walk, all, false))).toContain('Kaikki ovat arvioineet tämän askeleen');
  });

  it('uses the singular for one rater (en)', () => {
    expect(text(panel('en', walk, { doneIds: ['a'], dotsSpent: {} }, false))).toContain(
      '1 of 3 has rated this step',
    );
  });
});

describe('the progress panel in the vote: dots spent and who still has dots', () => {
  const dots = { doneIds: ['a', 'b'], dotsSpent: { a: 5, b: 5, c: 2 } };

  it('shows the dots spent and who still has dots, by name, for the facilitator (en)', () => {
    // Before: "0 of 3 done · Waiting for: …" after everyone had spent every dot (item 2).
    const el = panel('en', vote, dots, true);
    expect(text(el)).toContain('2 of 3 have spent all their dots');
    expect(text(el)).toContain('12 of 15 dots spent');
    expect(text(el)).toContain('Still has dots: Cai (3 dots left)');
    expect(screen.getByTestId('dots-spent').dataset.spent).toBe('12');
  });

  it('by count on the projector of an anonymous workshop (fi)', () => {
    const el = panel('fi', vote, dots, false);
    expect(text(el)).toContain('2/3 on käyttänyt kaikki pisteensä');
    expect(text(el)).toContain('12/15 pistettä käytetty');
    expect(text(el)).toContain('Yhdellä henkilöllä on vielä pisteitä');
    expect(text(el)).not.toContain('Cai');
  });

  it('says when every dot is spent, and counts one dot in the singular (en)', () => {
    const all = { doneIds: ['a', 'b', 'c'], dotsSpent: { a: 5, b: 5, c: 5 } };
    expect(text(panel('en', vote, all, false))).toContain('Everyone has spent their dots');
    document.body.innerHTML = '';
    const one = panel(
      'en',
      { ...vote, votes: { ...control().votes, budget: 1, maxPerIdea: 1 } },
      none,
      true,
    );
    expect(text(one)).toContain('0 of 3 dots spent');
    expect(text(one)).toContain('Anna (1 dot left)');
  });
});

describe('the progress panel elsewhere', () => {
  it('counts answers in the warm-up (en, fi)', () => {
    const answered = { doneIds: ['c'], dotsSpent: {} };
    const warmup = { phase: 'warmup', stepId: null } as const;
    expect(text(panel('en', warmup, answered, false))).toContain('1 of 3 has answered');
    document.body.innerHTML = '';
    expect(text(panel('fi', warmup, answered, false))).toContain('1/3 on vastannut');
  });

  it('counts "I\'m done" where the phase has no other signal (fi)', () => {
    const el = panel(
      'fi',
      { phase: 'reflect', stepId: null },
      { doneIds: ['a'], dotsSpent: {} },
      true,
    );
    expect(text(el)).toContain('1/3 valmiina');
    expect(text(el)).toContain('Odotetaan: Ben, Cai');
  });

  it('shows nothing in the lobby', () => {
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ReadinessPanel
          control={control({ phase: 'lobby' })}
          participants={ROOM}
          progress={none}
          showNames
        />
      </NextIntlClientProvider>,
    );
    expect(screen.queryByTestId('readiness')).toBeNull();
  });
});
