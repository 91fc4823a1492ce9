import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

/** Two clicks: a feeling, then an expectation. */
async function rateByMouse(page: Page, emotion: string, expectation: string): Promise<void> {
  const form = page.getByTestId('rating-form');
  await form.locator('label', { hasText: emotion }).click();
  await form.locator('label', { hasText: expectation }).click();
  await expect.poll(() => page.getByTestId('rating-status').textContent()).toContain('Saved');
}

describe('blind ratings and the reveal in Chromium', () => {
  it('hides ratings until the reveal, then every screen shows the largest perception gap', async () => {
    const created = await createWorkshop(appOf(), 'b2b-order-to-invoice', 'Order to invoice');
    const fac = await person(browserOf(), { width: 1400, height: 1000 });
    await facilitate(fac.page, created);
    const projector = await fac.context.newPage();
    await projector.setViewportSize({ width: 1600, height: 1000 });
    await projector.goto(`${appOf().url}/w/${created.id}/screen`);

    const leader = await person(browserOf());
    const anna = await person(browserOf());
    const aino = await person(browserOf());
    await joinAs(leader.page, appOf(), created.joinCode, 'Lauri', /Leader/);
    await joinAs(anna.page, appOf(), created.joinCode, 'Anna', /Customer proxy/);
    await joinAs(aino.page, appOf(), created.joinCode, 'Aino', /Customer proxy/);

    await fac.page.getByLabel('Go to phase').selectOption('walk');
    for (const p of [leader, anna, aino]) {
      await expect.poll(() => p.page.getByTestId('rating-form').count()).toBe(1);
    }
    const stepId = await fac.page.getByTestId('step-card').getAttribute('data-step-id');

    // The leader is pleased (+2), the two customer proxies are not (−2, −3).
    await rateByMouse(leader.page, 'Happy', 'Better than expected');
    await rateByMouse(anna.page, 'Frustrated', 'Worse than expected');
    // Aino uses the keyboard: "0" is Angry (−3), "<" is worse than expected.
    // (Tab brings her into the feelings; here the first one is focused directly.)
    await aino.page.getByTestId('rating-form').getByRole('radio').first().focus();
    await aino.page.keyboard.press('0');
    await aino.page.keyboard.press('<');
    await expect
      .poll(() => aino.page.getByTestId('rating-status').textContent())
      .toContain('Saved');

    // Blind: the facilitator sees only that three have rated; nobody sees a value.
    await expect.poll(() => fac.page.getByTestId('readiness').getAttribute('data-done')).toBe('3');
    for (const page of [fac.page, leader.page, anna.page, projector]) {
      expect(await page.getByTestId('step-ratings').count()).toBe(0);
    }

    await fac.page.getByRole('button', { name: 'Reveal this step' }).click();
    for (const p of [leader, anna, aino]) {
      await expect.poll(() => p.page.getByTestId('step-ratings').locator('li').count()).toBe(3);
    }
    // Anonymous by default: roles, not names.
    const shown = await anna.page.getByTestId('step-ratings').textContent();
    expect(shown).toContain('A customer proxy felt −3 (Angry)');
    expect(shown).toContain('A leader felt +2 (Happy)');
    expect(shown).not.toContain('Lauri');

    // The reveal phase: every screen names this step as the largest perception gap.
    await fac.page.getByRole('button', { name: /Next phase/ }).click();
    for (const page of [fac.page, leader.page, anna.page, aino.page, projector]) {
      await expect
        .poll(() => page.getByTestId('biggest-gap').getAttribute('data-step-id'))
        .toBe(stepId);
    }
    expect(await projector.getByTestId('biggest-gap').textContent()).toContain('4.5');
    await anna.page.getByTestId('biggest-gap').scrollIntoViewIfNeeded();
    await screenshot(anna.page, 'reveal-curve');
    await screenshot(projector, 'projector-reveal');
    await screenshot(fac.page, 'facilitator-reveal', true);

    for (const ctx of [fac.context, leader.context, anna.context, aino.context]) await ctx.close();
  });
});
