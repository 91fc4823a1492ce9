import { cleanup, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { type RoleAnswer, warmupResults, type WarmupResults } from '@/lib/analytics/warmup';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { WarmupResultsView } from './warmup-results';

const catalogues = { en, fi };

const answers = (role: RoleAnswer['role'], workplace: number[], customers: number[]) =>
  workplace.map((w, i) => ({ role, workplace: w, customers: customers[i] as number }));

// Leaders +60 / +60, staff −20 / −40 (lib/analytics/warmup.test.ts works them out).
const LEADERS = answers('leader', [9, 10, 9, 10, 5], [9, 9, 9, 8, 8]);
const STAFF = answers('staff', [9, 7, 8, 6, 2], [5, 6, 7, 9, 3]);

function show(results: WarmupResults | null, locale: 'en' | 'fi' = 'en') {
  return render(
    <NextIntlClientProvider
      locale={locale}
      messages={catalogues[locale]}
      timeZone="Europe/Helsinki"
      onError={(err) => {
        throw err;
      }}
    >
      <WarmupResultsView results={results} />
    </NextIntlClientProvider>,
  );
}

afterEach(cleanup);

describe('WarmupResultsView by role', () => {
  it('sets leaders beside staff in a table, with leaders minus staff', () => {
    show(warmupResults([...LEADERS, ...STAFF]));
    const table = screen.getByRole('table', { name: en.warmup.byRole });
    const heads = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(heads).toEqual([
      en.warmup.role,
      en.warmup.answers,
      en.warmup.enpsShort,
      en.warmup.estimateShort,
    ]);
    const leader = within(table).getByRole('row', { name: /^Leader/ });
    expect(
      within(leader)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5', '+60', '+60']);
    const staff = within(table).getByRole('row', { name: /^Staff/ });
    expect(
      within(staff)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5', '-20', '-40']);
    const gap = screen.getByTestId('warmup-gap');
    expect(within(gap).getByRole('rowheader').textContent).toBe(en.warmup.gap);
    expect(
      within(gap)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['+80', '+100']);
    // Nobody answered as a customer proxy: said in words, not as a score.
    expect(screen.getByTestId('warmup-customer').textContent).toContain(en.warmup.hiddenNone);
  });

  it('says a role is too few to show, and hides the one that would give it away', () => {
    show(
      warmupResults([
        ...LEADERS.slice(0, 1),
        ...STAFF,
        ...answers('customer', [1, 2, 3], [1, 2, 3]),
      ]),
    );
    expect(screen.getByTestId('warmup-leader').textContent).toContain(en.warmup.hiddenFew);
    expect(screen.getByTestId('warmup-leader').textContent).not.toMatch(/[+-]\d/);
    expect(screen.getByTestId('warmup-customer').textContent).toContain(en.warmup.hiddenOthers);
    expect(screen.getByTestId('warmup-staff').textContent).toContain('-20');
    expect(screen.queryByTestId('warmup-gap')).toBeNull();
    expect(screen.getByText(/at least 3 answers/)).toBeTruthy();
  });

  it('speaks Finnish, with a real minus sign', () => {
    show(warmupResults([...LEADERS, ...STAFF]), 'fi');
    expect(screen.getByRole('table', { name: fi.warmup.byRole })).toBeTruthy();
    const staff = screen.getByTestId('warmup-staff');
    expect(staff.textContent).toContain(fi.roles.staff);
    expect(staff.textContent).toContain('−20');
    expect(screen.getByText(/vastauksia on vähintään 3/)).toBeTruthy();
  });
});
