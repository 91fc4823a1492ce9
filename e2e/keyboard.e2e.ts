import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person } from './helpers/browser';
import { createWorkshop, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

/**
 * The focused element's accessible name, as a screen reader would roughly read it:
 * aria-label, else aria-labelledby, else its <label>, else its text. Enough to tell
 * buttons, fields and radios apart.
 */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelledBy = el.getAttribute('aria-labelledby');
    const byIds = labelledBy
      ?.split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const labels = (el as HTMLInputElement).labels;
    const byLabel = labels && labels.length > 0 ? labels[0]?.textContent : null;
    return (el.getAttribute('aria-label') ?? byIds ?? byLabel ?? el.textContent ?? '').trim();
  });
}

/**
 * Presses Tab, as a keyboard user does, until the focused element's name matches; fails
 * when it cannot be reached. Shift+Tab when `back` (what lies above the current focus).
 */
async function tabTo(page: Page, name: RegExp, { back = false, max = 300 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
  }
  throw new Error(
    `${name} not reachable by keyboard; focus went through: ${seen.slice(-40).join(' | ')}`,
  );
}

/** From the top of the page: what a person does after the page has loaded. */
async function tabFromTop(page: Page, name: RegExp): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(page, name);
}

/** The board's notes as `lane|text` (a note being edited is a textarea). */
function notesOf(page: Page): Promise<string[]> {
  return page
    .getByTestId('board')
    .locator('li[data-note-id]')
    .evaluateAll((els) =>
      els.map((el) => {
        const text =
          el.querySelector('textarea')?.value ?? el.querySelector('p')?.textContent ?? '';
        return `${el.getAttribute('data-lane')}|${text}`;
      }),
    );
}

const phaseOf = (page: Page) => page.getByTestId('phase-name').getAttribute('data-phase');
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('keyboard only', () => {
  it('runs a whole workshop, facilitator and participant, without a mouse', async () => {
    const created = await createWorkshop(appOf(), 'clinic-visit', 'Clinic visit');

    // The facilitator signs in: type the name, Enter submits.
    const fac = await person(browserOf());
    await fac.page.goto(created.facilitatorUrl);
    await tabFromTop(fac.page, /^Your name as facilitator$/);
    await fac.page.keyboard.type('Fran');
    await fac.page.keyboard.press('Enter');
    await fac.page.getByTestId('join-code').waitFor();

    // The participant joins: name, a role chosen with the arrow keys, the join button.
    const anna = await person(browserOf());
    await anna.page.goto(`${appOf().url}/join/${created.joinCode}`);
    await tabFromTop(anna.page, /^Your name$/);
    await anna.page.keyboard.type('Anna');
    await tabTo(anna.page, /^(Leader|Staff|Customer proxy|Observer)/);
    for (let i = 0; i < 4 && !/^Customer proxy/.test(await focusedName(anna.page)); i += 1) {
      await anna.page.keyboard.press('ArrowDown');
    }
    expect(await focusedName(anna.page)).toMatch(/^Customer proxy/);
    await tabTo(anna.page, /^Join the workshop$/);
    await anna.page.keyboard.press('Enter');
    await anna.page.waitForURL(/\/w\/[^/]+$/);
    await anna.page.getByTestId('phase-name').waitFor();

    /** The facilitator moves one phase on; every screen follows and focus goes to its heading. */
    const next = async (phase: string) => {
      await tabFromTop(fac.page, /^Next phase/);
      await fac.page.keyboard.press('Enter');
      for (const page of [fac.page, anna.page]) {
        await expect.poll(() => phaseOf(page)).toBe(phase);
        // Focus moves to the new phase's heading, so a screen reader reads it first.
        await expect.poll(() => focusedTestId(page)).toBe('phase-name');
      }
    };
    await next('warmup');
    await next('target');
    await next('walk');

    // The timer: a one-minute timer at once warns that one minute is left.
    await tabFromTop(fac.page, /^Start 1 min$/);
    await fac.page.keyboard.press('Enter');
    await expect
      .poll(() => anna.page.getByTestId('timer').getAttribute('data-status'))
      .toBe('running');
    await expect
      .poll(() => anna.page.getByTestId('timer').locator('[aria-live]').textContent())
      .toBe('One minute left');
    await tabTo(fac.page, /^Pause$/);
    await fac.page.keyboard.press('Enter');
    await expect
      .poll(() => anna.page.getByTestId('timer').getAttribute('data-status'))
      .toBe('paused');

    // Anna rates: Tab into the feelings, then a digit for the feeling, "<" for worse.
    await tabFromTop(anna.page, /Frustrated|Delighted/);
    await anna.page.keyboard.press('9');
    await anna.page.keyboard.press('<');
    await expect
      .poll(() => anna.page.getByTestId('rating-status').textContent())
      .toContain('Saved');

    // ... and writes a note in the pains lane of this step.
    await tabFromTop(anna.page, /^New note in “Pains”$/);
    await anna.page.keyboard.type('Nobody told me how long the wait would be');
    await anna.page.keyboard.press('Enter');
    await expect
      .poll(() => notesOf(anna.page))
      .toContain('pains|Nobody told me how long the wait would be');

    // The facilitator reveals the step; Anna's screen reader hears it.
    await tabFromTop(fac.page, /^Reveal this step$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => anna.page.getByTestId('step-ratings').count()).toBe(1);
    await expect
      .poll(() => anna.page.getByTestId('reveal-announcement').textContent())
      .toMatch(/^Revealed: how “.+” felt to each role\.$/);

    await next('reveal');
    await next('reflect');
    await next('ideate');
    await tabFromTop(anna.page, /^New note in “Ideas”$/);
    await anna.page.keyboard.type('Show the queue on a screen');
    await anna.page.keyboard.press('Enter');
    await expect.poll(() => notesOf(anna.page)).toContain('ideas|Show the queue on a screen');

    // A dot on the idea, then the facilitator closes the voting.
    await next('vote');
    await tabFromTop(anna.page, /^Add a dot to “Show the queue on a screen”$/);
    await anna.page.keyboard.press('Enter');
    await expect.poll(() => anna.page.getByTestId('dots-left').getAttribute('data-left')).toBe('4');
    await tabFromTop(fac.page, /^Close the voting$/);
    await fac.page.keyboard.press('Enter');
    await expect
      .poll(() => anna.page.getByTestId('ideas').locator('li').first().getAttribute('data-total'))
      .toBe('1');
  }, 180_000);
});
