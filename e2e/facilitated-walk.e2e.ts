import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

const phaseOf = (page: Page) => page.getByTestId('phase-name').getAttribute('data-phase');
const stepOf = (page: Page) => page.getByTestId('step-card').getAttribute('data-step-id');
const doneOf = (page: Page) => page.getByTestId('readiness').getAttribute('data-done');

describe('a facilitated walk in Chromium', () => {
  it('runs warm-up, targets and a timed walk with readiness, a projector and a late joiner', async () => {
    const created = await createWorkshop(appOf(), 'clinic-visit', 'Clinic visit');

    const fac = await person(browserOf(), { width: 1400, height: 900 });
    await facilitate(fac.page, created);
    await expect.poll(() => phaseOf(fac.page)).toBe('lobby');
    // The projector opens from the facilitator's browser, which holds the key.
    const projector = await fac.context.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${appOf().url}/w/${created.id}/screen`);
    await expect
      .poll(() => projector.getByTestId('join-code').textContent())
      .toBe(created.joinCode);

    const people = [
      { ...(await person(browserOf())), name: 'Anna', role: /Customer proxy/ },
      { ...(await person(browserOf())), name: 'Ben', role: /Leader/ },
      { ...(await person(browserOf())), name: 'Cai', role: /Staff/ },
    ];
    for (const p of people) await joinAs(p.page, appOf(), created.joinCode, p.name, p.role);
    await screenshot(projector, 'projector-lobby');

    // Warm-up: everyone answers; the results appear only when the facilitator closes it.
    await fac.page.getByRole('button', { name: /Next phase/ }).click();
    const answers = [
      [10, 9],
      [9, 6],
      [5, 3],
    ];
    for (const [i, p] of people.entries()) {
      await expect.poll(() => phaseOf(p.page)).toBe('warmup');
      const [workplace, customers] = answers[i] ?? [0, 0];
      const groups = p.page.getByRole('group');
      await groups.nth(0).getByText(String(workplace), { exact: true }).click();
      await groups.nth(1).getByText(String(customers), { exact: true }).click();
      expect(await groups.nth(0).getByRole('radio', { checked: true }).getAttribute('value')).toBe(
        String(workplace),
      );
      expect(await groups.nth(1).getByRole('radio', { checked: true }).getAttribute('value')).toBe(
        String(customers),
      );
      // As a person does: the two taps save (no button pressed; issue 22, item 1).
      await expect.poll(() => p.page.getByText('Saved.').count()).toBe(1);
    }
    await expect.poll(() => doneOf(fac.page)).toBe('3');
    expect(await fac.page.getByTestId('readiness').textContent()).toContain('3 of 3 have answered');
    expect(await people[0]?.page.getByTestId('enps').count()).toBe(0);
    await fac.page.getByRole('button', { name: 'Close the warm-up and show the results' }).click();
    // Workplace 10, 9, 5: two promoters, one detractor, eNPS +33. Customers 9, 6, 3: −33.
    for (const page of [people[0]?.page, projector]) {
      await expect.poll(() => page?.getByTestId('enps').textContent()).toContain('+33');
      expect(await page?.getByTestId('customer-estimate').textContent()).toContain('-33');
    }

    // Target: the facilitator sets the first step's target; participants see it change.
    await fac.page.getByRole('button', { name: /Next phase/ }).click();
    const firstTarget = fac.page.getByTestId('target-list').getByRole('combobox').first();
    await firstTarget.selectOption('relieved');
    await expect
      .poll(() => people[1]?.page.getByTestId('target-feeling').first().textContent())
      .toContain('Relieved');

    // The walk, with a timer everyone sees.
    await fac.page.getByRole('button', { name: /Next phase/ }).click();
    await fac.page.getByRole('button', { name: 'Start 5 min' }).click();
    const stepIds: string[] = [];
    for (let round = 0; round < 3; round++) {
      const id = await stepOf(fac.page);
      expect(id).toBeTruthy();
      stepIds.push(id ?? '');
      for (const p of people) await expect.poll(() => stepOf(p.page)).toBe(id);
      await expect.poll(() => stepOf(projector)).toBe(id);
      // Two of three rate the step (that is being done with it, issue 22): both screens
      // count it, and the projector keeps names hidden.
      for (const p of people.slice(0, 2)) {
        const form = p.page.getByTestId('rating-form');
        await form.locator('label', { hasText: 'Frustrated' }).click();
        await form.locator('label', { hasText: 'Worse than expected' }).click();
      }
      await expect.poll(() => doneOf(fac.page)).toBe('2');
      await expect.poll(() => doneOf(projector)).toBe('2');
      expect(await fac.page.getByTestId('waiting-for').textContent()).toContain('Cai');
      expect(await projector.getByTestId('readiness').textContent()).not.toContain('Cai');
      if (round === 1) {
        await screenshot(people[0]?.page as Page, 'participant-walk');
        await screenshot(projector, 'projector-walk');
        await screenshot(fac.page, 'facilitator-walk');
      }
      if (round < 2) await fac.page.getByRole('button', { name: /Next step/ }).click();
      if (round < 2) await expect.poll(() => doneOf(fac.page)).toBe('0');
    }
    expect(new Set(stepIds).size).toBe(3);

    // Everyone sees the same remaining time (each corrects for its own clock).
    const remaining = await Promise.all(
      [fac.page, projector, ...people.map((p) => p.page)].map(async (page) =>
        Number(
          await page
            .getByTestId('timer')
            .locator('[data-remaining-ms]')
            .getAttribute('data-remaining-ms'),
        ),
      ),
    );
    expect(Math.max(...remaining) - Math.min(...remaining)).toBeLessThan(1500);
    expect(Math.min(...remaining)).toBeGreaterThan(200_000);

    // A late joiner lands on the current step, with the timer running.
    const dana = await person(browserOf());
    await joinAs(dana.page, appOf(), created.joinCode, 'Dana', /Customer proxy/);
    await expect.poll(() => stepOf(dana.page)).toBe(stepIds[2]);
    expect(await dana.page.getByTestId('timer').getAttribute('data-status')).toBe('running');

    for (const ctx of [fac.context, dana.context, ...people.map((p) => p.context)])
      await ctx.close();
  });
});
