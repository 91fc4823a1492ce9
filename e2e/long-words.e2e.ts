import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

/**
 * Finnish makes long words, and people type names as they like: a title or a name that is
 * one word longer than the screen is wide breaks inside the word, and never widens the
 * page past the phone (found by the review: the join page, the lobby and the projector
 * scrolled sideways).
 */
const TITLE = 'Asiakaskokemuksenkehittämisohjelmanjohtoryhmänkehittämispäivätyöpajasarja';
const NAME = 'Pitkänimisenhenkilönkokonimiyhteenkirjoitettuna';

/** How far the page reaches past its viewport's width, in CSS px (0: it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('a word longer than the screen', () => {
  it('breaks inside itself on the phone, the facilitator page and the projector', async () => {
    const created = await createWorkshop(appOf(), 'b2b-order-to-invoice', TITLE);
    const fac = await person(browserOf());
    await facilitate(fac.page, created);
    const phone = await person(browserOf(), { width: 390, height: 844 });
    await phone.page.goto(`${appOf().url}/join/${created.joinCode}`);
    await phone.page.getByLabel('Your name').waitFor();
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await joinAs(phone.page, appOf(), created.joinCode, NAME, /staff/i);
    await phone.page.getByText(TITLE).first().waitFor();
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'long-words-phone-lobby', true);

    await fac.page.getByText('Present (2 of 2)').waitFor();
    await screenshot(fac.page, 'long-words-facilitator-lobby');
    expect(await overflow(fac.page)).toBeLessThanOrEqual(0);
    const projector = await fac.context.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${appOf().url}/w/${created.id}/screen`);
    await projector.getByTestId('join-code').waitFor();
    expect(await overflow(projector)).toBeLessThanOrEqual(0);
    await screenshot(projector, 'long-words-projector-lobby');
    await phone.context.close();
    await fac.context.close();
  });
});
