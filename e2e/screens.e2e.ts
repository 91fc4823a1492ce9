import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, person, rawKeysOn } from './helpers/browser';
import { messagesFor } from './helpers/messages';
import { createWorkshop, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const SHOTS = path.join(ARTIFACTS, 'screens');

/**
 * A screen "looks right" when it is in the language asked for, shows no raw catalogue
 * key, and does not scroll sideways (the usual way a layout breaks on a small screen).
 * It is photographed for people to look at (README, reviews).
 */
async function shoot(page: Page, locale: 'en' | 'fi', name: string): Promise<void> {
  const { lang, overflow, widest } = await page.evaluate(() => {
    // The innermost elements that stick out, to name the culprit when the check fails.
    const sticking = [...document.querySelectorAll('body *')].filter(
      (el) => el.getBoundingClientRect().right > window.innerWidth + 1,
    );
    const innermost = sticking.filter((el) => !sticking.some((o) => o !== el && el.contains(o)));
    return {
      lang: document.documentElement.lang,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      widest: innermost
        .slice(0, 5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`),
    };
  });
  const label = `${locale}-${name}`;
  // Photographed first, so that a failing screen can be looked at.
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${label}.png`) });
  expect(lang, label).toBe(locale);
  expect(
    overflow,
    `${label} scrolls sideways by ${overflow}px: ${widest.join(' ')}`,
  ).toBeLessThanOrEqual(0);
  expect(await rawKeysOn(page), label).toEqual([]);
}

const phaseOf = (page: Page) => page.getByTestId('phase-name').getAttribute('data-phase');

describe.each(['fi', 'en'] as const)('the main screens in %s', (locale) => {
  it('fit a 1280×720 laptop and a phone through a whole workshop', async () => {
    const t = messagesFor(locale);
    const browserLocale = locale === 'fi' ? 'fi-FI' : 'en-GB';
    const title = locale === 'fi' ? 'Vastaanottokäynti' : 'Clinic visit';
    const created = await createWorkshop(appOf(), 'clinic-visit', title, locale);

    const landing = await person(browserOf(), { locale: browserLocale, ...PHONE });
    await landing.page.goto(`${appOf().url}/`);
    // The templates arrive after the page: their names are the widest thing on it.
    await expect
      .poll(() => landing.page.evaluate(() => document.querySelectorAll('select option').length))
      .toBeGreaterThan(6);
    await shoot(landing.page, locale, 'landing-phone');
    await landing.page.setViewportSize(LAPTOP);
    await shoot(landing.page, locale, 'landing-laptop');

    const fac = await person(browserOf(), { locale: browserLocale, ...LAPTOP });
    await fac.page.goto(created.facilitatorUrl);
    await fac.page.getByLabel(t('facilitator.nameLabel')).fill('Fran');
    await fac.page.getByRole('button', { name: t('facilitator.start') }).click();
    await fac.page.getByTestId('join-code').waitFor();

    // Anna joins on a phone as a customer proxy, Lauri on a laptop as a leader.
    const anna = await person(browserOf(), { locale: browserLocale, ...PHONE });
    const lauri = await person(browserOf(), { locale: browserLocale, ...LAPTOP });
    for (const [who, name, role] of [
      [anna, 'Anna', 'roles.customer'],
      [lauri, 'Lauri', 'roles.leader'],
    ] as const) {
      await who.page.goto(`${appOf().url}/join/${created.joinCode}`);
      await who.page.getByLabel(t('join.nameLabel')).fill(name);
      await who.page.getByRole('radio', { name: new RegExp(t(role)) }).check();
      if (who === anna) await shoot(anna.page, locale, 'join-phone');
      await who.page.getByRole('button', { name: t('join.submit') }).click();
      await who.page.waitForURL(/\/w\/[^/]+$/);
    }
    await shoot(anna.page, locale, 'participant-lobby-phone');
    await shoot(fac.page, locale, 'facilitator-lobby-laptop');

    const goTo = async (phase: string) => {
      await fac.page.getByLabel(t('facilitator.goTo')).selectOption(phase);
      for (const page of [fac.page, anna.page, lauri.page]) {
        await expect.poll(() => phaseOf(page)).toBe(phase);
      }
    };

    // The walk: both rate the first step; the facilitator reveals it.
    await goTo('walk');
    for (const [who, emotion, expectation] of [
      [anna, 'emotions.frustrated', 'rate.worse'],
      [lauri, 'emotions.happy', 'rate.better'],
    ] as const) {
      const form = who.page.getByTestId('rating-form');
      await form.locator('label', { hasText: t(emotion) }).click();
      await form.locator('label', { hasText: t(expectation) }).click();
      await expect
        .poll(() => who.page.getByTestId('rating-status').textContent())
        .toContain(t('rate.saved'));
    }
    await shoot(anna.page, locale, 'participant-walk-phone');
    await shoot(fac.page, locale, 'facilitator-walk-laptop');
    await fac.page.getByRole('button', { name: t('reveal.step') }).click();
    await expect.poll(() => lauri.page.getByTestId('step-ratings').locator('li').count()).toBe(2);
    await shoot(lauri.page, locale, 'participant-reveal-laptop');
    await shoot(anna.page, locale, 'participant-reveal-phone');

    // An idea, then a dot on it from the phone.
    await goTo('ideate');
    const idea = locale === 'fi' ? 'Jonotusaika näkyviin' : 'Show the waiting time';
    const ideas = lauri.page.getByLabel(t('board.newNote', { lane: t('lanes.ideas') }));
    await ideas.first().fill(idea);
    await ideas.first().press('Enter');
    await goTo('vote');
    await anna.page.getByRole('button', { name: t('vote.add', { idea }) }).click();
    await expect.poll(() => anna.page.getByTestId('dots-left').getAttribute('data-left')).toBe('4');
    await shoot(anna.page, locale, 'participant-vote-phone');

    await goTo('summary');
    const summary = await fac.context.newPage();
    await summary.goto(`${appOf().url}/w/${created.id}/summary`);
    await summary.getByTestId('summary').waitFor();
    await shoot(summary, locale, 'summary-laptop');
    await shoot(anna.page, locale, 'participant-summary-phone');
  }, 240_000);
});
