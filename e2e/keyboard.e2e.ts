import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person } from './helpers/browser';
import {
  expectFocusRing,
  focusedName,
  focusedTestId,
  recordLiveRegion,
  tabFromTop,
  tabTo,
} from './helpers/keyboard';
import { createWorkshop, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

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

/** The values of the checked radios of a rating form (feeling, expectation, strength). */
const checkedRatings = (page: Page) =>
  page
    .getByTestId('rating-form')
    .locator('input[type="radio"]:checked')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));

describe('keyboard only', () => {
  it('runs a whole workshop, facilitator and two participants, without a mouse', async () => {
    const created = await createWorkshop(appOf(), 'clinic-visit', 'Clinic visit');

    // The facilitator signs in: type the name, Enter submits.
    const fac = await person(browserOf());
    await fac.page.goto(created.facilitatorUrl);
    await tabFromTop(fac.page, /^Your name as facilitator$/);
    await expectFocusRing(fac.page);
    await fac.page.keyboard.type('Fran');
    await fac.page.keyboard.press('Enter');
    await fac.page.getByTestId('join-code').waitFor();

    /** A participant joins: name, a role chosen with the arrow keys, the join button. */
    const join = async (name: string, role: RegExp) => {
      const { page } = await person(browserOf());
      await page.goto(`${appOf().url}/join/${created.joinCode}`);
      await tabFromTop(page, /^Your name$/);
      await page.keyboard.type(name);
      await tabTo(page, /^(Leader|Staff|Customer proxy|Observer)/);
      await expectFocusRing(page);
      for (let i = 0; i < 4 && !role.test(await focusedName(page)); i += 1) {
        await page.keyboard.press('ArrowDown');
      }
      expect(await focusedName(page)).toMatch(role);
      await tabTo(page, /^Join the workshop$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/w\/[^/]+$/);
      await page.getByTestId('phase-name').waitFor();
      return page;
    };
    const anna = await join('Anna', /^Customer proxy/);
    const ben = await join('Ben', /^Staff/);
    const everyone = [fac.page, anna, ben];

    /** The facilitator moves one phase on; every screen follows and focus goes to its heading. */
    const next = async (phase: string) => {
      await tabFromTop(fac.page, /^Next phase/);
      await expectFocusRing(fac.page);
      await fac.page.keyboard.press('Enter');
      for (const page of everyone) {
        await expect.poll(() => phaseOf(page)).toBe(phase);
        // Focus moves to the new phase's heading, so a screen reader reads it first.
        await expect.poll(() => focusedTestId(page)).toBe('phase-name');
      }
    };
    await next('warmup');
    await next('target');
    await next('walk');

    // The timer. Its live region is on the page before any timer runs, so the warning is
    // a change a screen reader announces, and it changes only at the warning and the end.
    const annaHeard = await recordLiveRegion(anna, 'timer-announcement');
    const facHeard = await recordLiveRegion(fac.page, 'timer-announcement');
    await tabFromTop(fac.page, /^Start 1 min$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => anna.getByTestId('timer').getAttribute('data-status')).toBe('running');
    await expect.poll(() => annaHeard()).toEqual(['One minute left']);
    // In words on screen too, not only by colour.
    await expect
      .poll(() => anna.getByTestId('timer-warning').textContent())
      .toContain('One minute left');
    // Pause turns into Resume under the facilitator's focus, which stays on the button.
    await tabTo(fac.page, /^Pause$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => anna.getByTestId('timer').getAttribute('data-status')).toBe('paused');
    await expect.poll(() => focusedName(fac.page)).toBe('Resume');
    // Seconds of a clock ticking said nothing more.
    await anna.waitForTimeout(1500);
    expect(await annaHeard()).toEqual(['One minute left']);
    // A three-second timer (0.05 min) typed into the minutes field runs out: time's up.
    await tabTo(fac.page, /^Minutes$/);
    await fac.page.keyboard.press('ControlOrMeta+A');
    await fac.page.keyboard.type('0.05');
    await tabTo(fac.page, /^Start$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => anna.getByTestId('timer').getAttribute('data-status')).toBe('expired');
    await expect.poll(() => annaHeard()).toEqual(['One minute left', "Time's up"]);
    await expect.poll(() => facHeard()).toEqual(['One minute left', "Time's up"]);

    // Anna rates: Tab into the feelings, then a digit for the feeling, "<" for worse.
    await tabFromTop(anna, /Frustrated|Delighted/);
    await expectFocusRing(anna);
    await anna.keyboard.press('9');
    await anna.keyboard.press('<');
    await expect.poll(() => anna.getByTestId('rating-status').textContent()).toContain('Saved');
    expect(await checkedRatings(anna)).toEqual(['frustrated', 'worse', '-2']);
    // The chosen chips carry a check mark, not only a fill colour.
    const marks = await anna
      .getByTestId('rating-form')
      .locator('label:has(input:checked)')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el, '::after').content));
    expect(marks).toHaveLength(3);
    for (const mark of marks) expect(mark).toContain('✓');

    // Ben rates with the arrow keys, as in any radio group: Space picks, arrows move.
    await tabFromTop(ben, /^Delighted/);
    await ben.keyboard.press('Space');
    await ben.keyboard.press('ArrowRight');
    await tabTo(ben, /^. ?Worse than expected$/);
    await ben.keyboard.press('ArrowRight');
    await expect.poll(() => ben.getByTestId('rating-status').textContent()).toContain('Saved');
    expect(await checkedRatings(ben)).toEqual(['happy', 'as', '2']);
    await expect.poll(() => fac.page.getByTestId('readiness').getAttribute('data-done')).toBe('2');

    // ... and writes a note in the pains lane of this step.
    await tabFromTop(anna, /^New note in “Pains”$/);
    await anna.keyboard.type('Nobody told me how long the wait would be');
    await anna.keyboard.press('Enter');
    await expect
      .poll(() => notesOf(anna))
      .toContain('pains|Nobody told me how long the wait would be');
    await expect
      .poll(() => notesOf(ben))
      .toContain('pains|Nobody told me how long the wait would be');
    // Focus stays in the field, ready for the next note.
    expect(await focusedName(anna)).toBe('New note in “Pains”');

    // The facilitator locks the step. Ben, whose focus was on his rating, is told why the
    // choices went still instead of losing his place.
    await tabFromTop(ben, /^Happy/);
    await tabFromTop(fac.page, /^Lock ratings$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => focusedName(fac.page)).toBe('Unlock ratings');
    await expect.poll(() => focusedTestId(ben)).toBe('rating-locked');
    expect(await ben.getByTestId('rating-locked').textContent()).toBe(
      'The facilitator has locked this step.',
    );
    await ben.keyboard.press('1');
    expect(await checkedRatings(ben)).toEqual(['happy', 'as', '2']);

    // The facilitator reveals the step; the participants' screen readers hear it, and the
    // facilitator's focus moves on to the ratings it revealed.
    const revealed = /^Revealed: how “.+” felt to each role\.$/;
    await tabFromTop(fac.page, /^Reveal this step$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(fac.page)).toBe('revealed-ratings');
    for (const page of [anna, ben]) {
      await expect.poll(() => page.getByTestId('step-ratings').count()).toBe(1);
      await expect
        .poll(() => page.getByTestId('reveal-announcement').textContent())
        .toMatch(revealed);
    }

    // Entering the reveal shows what was walked: nothing is left to reveal, nor offered.
    await next('reveal');
    expect(await fac.page.getByRole('button', { name: 'Reveal all steps' }).count()).toBe(0);
    for (const page of [anna, ben]) {
      await expect.poll(() => page.getByTestId('emotion-curve').count()).toBe(1);
    }

    await next('reflect');
    await next('ideate');
    await tabFromTop(anna, /^New note in “Ideas”$/);
    await anna.keyboard.type('Show the queue on a screen');
    await anna.keyboard.press('Enter');
    await expect.poll(() => notesOf(anna)).toContain('ideas|Show the queue on a screen');

    // Dots: Anna gives one. Ben presses three times in quick succession (as a held key
    // repeats), which gives the most one idea takes: no press is lost to a count not yet
    // back from the server. The button that can give no more keeps his focus, and a
    // fourth press does nothing.
    await next('vote');
    const idea = 'Show the queue on a screen';
    await tabFromTop(anna, new RegExp(`^Add a dot to “${idea}”$`));
    await expectFocusRing(anna);
    await anna.keyboard.press('Enter');
    await expect.poll(() => anna.getByTestId('dots-left').getAttribute('data-left')).toBe('4');
    await tabFromTop(ben, new RegExp(`^Add a dot to “${idea}”$`));
    for (let i = 0; i < 3; i += 1) await ben.keyboard.press('Enter');
    await expect.poll(() => ben.getByTestId('dots-left').getAttribute('data-left')).toBe('2');
    expect(await focusedName(ben)).toBe(`Add a dot to “${idea}”`);
    await ben.keyboard.press('Enter');
    await ben.waitForTimeout(300);
    expect(await ben.getByTestId('dots-left').getAttribute('data-left')).toBe('2');
    // And takes one back.
    await tabTo(ben, new RegExp(`^Take a dot from “${idea}”$`), { back: true });
    await ben.keyboard.press('Enter');
    await expect.poll(() => ben.getByTestId('dots-left').getAttribute('data-left')).toBe('3');

    // The facilitator closes the voting; the button stays under focus as "Reopen".
    await tabFromTop(fac.page, /^Close the voting$/);
    await fac.page.keyboard.press('Enter');
    await expect.poll(() => focusedName(fac.page)).toBe('Reopen the voting');
    for (const page of everyone) {
      await expect
        .poll(() => page.getByTestId('ideas').locator('li').first().getAttribute('data-total'))
        .toBe('3');
    }
  }, 240_000);
});
