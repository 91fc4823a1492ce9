import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

async function phaseOf(page: Page): Promise<string | null> {
  return page.getByTestId('phase-name').getAttribute('data-phase');
}

async function joinAs(page: Page, code: string, name: string, role: RegExp): Promise<void> {
  await page.goto(`${appOf().url}/`);
  await page.getByLabel('Join code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await expect.poll(() => phaseOf(page)).toBe('lobby');
}

describe('walking skeleton in Chromium', () => {
  it('a facilitator and two participants run a tiny workshop', async () => {
    const fac = await person(browserOf());
    const anna = await person(browserOf());
    const ben = await person(browserOf());

    // The facilitator creates the workshop on the landing page.
    await fac.page.goto(`${appOf().url}/`);
    await screenshot(fac.page, 'landing');
    await fac.page.getByLabel('Workshop title').fill('Order to invoice, spring');
    await fac.page.getByLabel('Service path').selectOption('b2b-order-to-invoice');
    await fac.page.getByLabel('Workshop language').selectOption('en');
    await fac.page.getByRole('button', { name: 'Create workshop' }).click();
    const code = (await fac.page.getByTestId('created-join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await fac.page.getByRole('link', { name: 'Open the facilitator view' }).click();
    await fac.page.getByLabel('Your name as facilitator').fill('Fran');
    await fac.page.getByRole('button', { name: 'Start facilitating' }).click();
    await expect.poll(() => fac.page.getByTestId('join-code').textContent()).toBe(code);
    // The key left the address bar once it was read.
    expect(fac.page.url()).not.toContain('key=');

    // Two participants join by code, one of them typing it in lower case.
    await joinAs(anna.page, code, 'Anna', /Customer proxy/);
    await joinAs(ben.page, code, 'Ben', /Leader/);
    const presence = fac.page.getByTestId('presence-list').locator('li[data-online="true"]');
    await expect.poll(() => presence.count()).toBe(3);
    await expect
      .poll(() => anna.page.getByRole('status').getAttribute('data-status'))
      .toBe('synced');
    await screenshot(fac.page, 'facilitator-lobby');

    // The facilitator moves forward; both participants follow.
    await fac.page.getByRole('button', { name: /Next phase/ }).click();
    await expect.poll(() => phaseOf(anna.page)).toBe('warmup');
    await expect.poll(() => phaseOf(ben.page)).toBe('warmup');
    await fac.page.getByLabel('Go to phase').selectOption('walk');
    await expect.poll(() => phaseOf(anna.page)).toBe('walk');
    await fac.page.getByRole('button', { name: /Previous phase/ }).click();
    await expect.poll(() => phaseOf(ben.page)).toBe('target');
    await screenshot(anna.page, 'participant-phase');

    // A reload lands Anna back in the same workshop as the same person.
    const annaUrl = anna.page.url();
    await anna.page.reload();
    await expect.poll(() => phaseOf(anna.page)).toBe('target');
    expect(anna.page.url()).toBe(annaUrl);
    await expect.poll(() => presence.count()).toBe(3);
    expect(await fac.page.getByTestId('presence-list').locator('li').count()).toBe(3);

    // Opening the join link again in the same browser does not make a second Anna.
    await anna.page.goto(`${appOf().url}/join/${code}`);
    await anna.page.waitForURL(annaUrl);
    expect(await fac.page.getByTestId('presence-list').locator('li').count()).toBe(3);

    // Ben closes his laptop: he shows as away.
    await ben.context.close();
    await expect.poll(() => presence.count()).toBe(2);
    await fac.context.close();
    await anna.context.close();
  });

  it('shows the landing page in Finnish for a Finnish browser', async () => {
    const fi = await person(browserOf(), { locale: 'fi-FI' });
    await fi.page.goto(`${appOf().url}/`);
    expect(await fi.page.locator('html').getAttribute('lang')).toBe('fi');
    await expect.poll(() => fi.page.getByRole('heading', { name: 'Luo työpaja' }).count()).toBe(1);
    await screenshot(fi.page, 'landing-fi');
    await fi.context.close();
  });
});
