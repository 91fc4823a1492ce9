import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

/** The step titles in the order a participant's journey view shows them. */
async function journeyTitles(page: Page): Promise<string[]> {
  return page.getByTestId('journey').locator('li[data-step-id] h3').allTextContents();
}

describe('designing a workshop in Chromium', () => {
  it('facilitator edits and reorders the path by keyboard while participants watch', async () => {
    const created = await createWorkshop(appOf(), 'b2b-order-to-invoice', 'Tilauksesta laskuun');
    const fac = await person(browserOf(), { width: 1400, height: 900 });
    await facilitate(fac.page, created);

    // Participants join through the URL in the facilitator's QR code.
    const qrUrl = await fac.page.locator('svg[data-qr-url]').first().getAttribute('data-qr-url');
    expect(qrUrl).toBe(`${new URL(appOf().url).origin}/join/${created.joinCode}`);
    const anna = await person(browserOf());
    const ben = await person(browserOf(), { width: 390, height: 844 });
    for (const [who, name, role] of [
      [anna, 'Anna', /Customer proxy/],
      [ben, 'Ben', /Staff/],
    ] as const) {
      await who.page.goto(qrUrl ?? '');
      await who.page.getByLabel('Your name').fill(name);
      await who.page.getByRole('radio', { name: role }).check();
      if (who === anna) await screenshot(anna.page, 'join');
      await who.page.getByRole('button', { name: 'Join the workshop' }).click();
      await who.page.waitForURL(/\/w\/[^/]+$/);
    }
    await expect.poll(() => journeyTitles(anna.page)).toHaveLength(8);
    const before = await journeyTitles(anna.page);
    expect(before.slice(0, 2)).toEqual(['Request for a quote', 'The sales call']);

    // Edit the first step's title: both participants see it arrive.
    const firstTitle = fac.page
      .getByTestId('path-editor')
      .locator('li')
      .first()
      .getByLabel('Title');
    await firstTitle.fill('Asking for a price');
    await expect.poll(async () => (await journeyTitles(anna.page))[0]).toBe('Asking for a price');
    await expect.poll(async () => (await journeyTitles(ben.page))[0]).toBe('Asking for a price');

    // Reorder with the keyboard only: focus the first step's "move down" button, press Enter.
    await fac.page.getByRole('button', { name: 'Move down: Asking for a price' }).focus();
    await fac.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await journeyTitles(anna.page)).slice(0, 2))
      .toEqual(['The sales call', 'Asking for a price']);
    await expect
      .poll(async () => (await journeyTitles(ben.page)).slice(0, 2))
      .toEqual(['The sales call', 'Asking for a price']);
    // ...and back with Alt+↑ from inside the step's own title field.
    await fac.page.getByTestId('path-editor').locator('li').nth(1).getByLabel('Title').focus();
    await fac.page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await journeyTitles(ben.page)).slice(0, 2))
      .toEqual(['Asking for a price', 'The sales call']);
    expect(await fac.page.getByTestId('path-announcement').textContent()).toContain('position 1');
    await fac.page
      .getByRole('tab', { name: 'Service path' })
      .evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
    await screenshot(fac.page, 'facilitator-setup');

    // Deal situation cards: the customer proxy sees hers; the staff member gets none.
    await fac.page.getByRole('tab', { name: 'People' }).click();
    await fac.page.getByRole('button', { name: 'Deal situation cards at random' }).click();
    await expect.poll(() => anna.page.getByTestId('your-card').count()).toBe(1);
    expect(await ben.page.getByTestId('your-card').count()).toBe(0);
    await fac.page.getByLabel('Lens: Ben').selectOption('customer');
    await expect
      .poll(() => ben.page.getByTestId('your-lens').textContent())
      .toContain("Customer's boots");
    await screenshot(fac.page, 'facilitator-people');
    await screenshot(anna.page, 'participant-lobby');
    await screenshot(ben.page, 'participant-phone');

    // A reload keeps Anna the same participant: still one Anna, still her card.
    await anna.page.reload();
    await expect.poll(() => anna.page.getByTestId('your-card').count()).toBe(1);
    expect(await fac.page.getByTestId('people-table').locator('tbody tr').count()).toBe(2);

    for (const p of [fac, anna, ben]) await p.context.close();
  });
});
