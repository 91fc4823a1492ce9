import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { person, screenshot } from './helpers/browser';
import { type Created, joinAs, withAppAndBrowser } from './helpers/session';

/**
 * Issue 22: a first real workshop as a new facilitator runs it, knowing only what the
 * screens show: a facilitator, the projector, and three participants (a leader, staff on
 * a 390×844 phone, a customer proxy). Each numbered point of the issue is checked by what
 * the screens show, and the journey map: keyboard, a note from a cell reaching the others,
 * the PDF's A3 map page.
 *
 * Longer than 300 lines on purpose: it is one test that walks the workshop in order, each
 * phase starting where the one before left the screens (the ratings make the reveal's
 * gap, the ideas the votes, the votes the actions). Split up, each part would first have
 * to rebuild everything before it, and the story would no longer read in one place.
 */
const { app: appOf, browser: browserOf } = withAppAndBrowser();

const phaseOf = (page: Page) => page.getByTestId('phase-name').getAttribute('data-phase');
const progressOf = (page: Page) =>
  page
    .getByTestId('readiness')
    .first()
    .evaluate((el) => `${el.dataset.signal} ${el.dataset.done}/${el.dataset.total}`);

async function nextPhase(fac: Page, to: string, everyone: Page[]): Promise<void> {
  await fac.getByRole('button', { name: /Next phase/ }).click();
  for (const page of everyone) await expect.poll(() => phaseOf(page)).toBe(to);
}

async function rate(page: Page, feeling: string, expectation: string): Promise<void> {
  const form = page.getByTestId('rating-form');
  await form.locator('label', { hasText: feeling }).click();
  await form.locator('label', { hasText: expectation }).click();
  await expect.poll(() => page.getByTestId('rating-status').textContent()).toContain('Saved');
}

/** The smallest text the page draws inside `selector`, in CSS pixels as shown. */
function smallestText(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((root) => {
    let least = Infinity;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim()) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.closest('.sr-only')) continue;
      let size = parseFloat(style.fontSize);
      const svg = el.closest('svg');
      if (svg?.viewBox.baseVal?.width) {
        // An SVG drawn smaller than its viewBox shrinks its text with it.
        size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      }
      least = Math.min(least, size);
    }
    return least;
  });
}

describe('a first workshop in Chromium (issue 22)', () => {
  it('runs without a stumble: progress, reveal, projector, phone, reflect, votes, actions, map', async () => {
    // Creating: anonymity is offered on the form, with what it means (item 10).
    const fac = await person(browserOf(), { width: 1400, height: 900 });
    await fac.page.goto(appOf().url);
    await fac.page.getByLabel('Workshop title').fill('Clinic visit');
    await fac.page.getByLabel('Service path').selectOption('clinic-visit');
    await fac.page.getByLabel('Workshop language').selectOption('en');
    const anonymous = fac.page.getByRole('checkbox', { name: 'Anonymous ratings' });
    expect(await anonymous.isChecked()).toBe(true);
    expect(await fac.page.textContent('body')).toContain('never a name');
    await fac.page.getByRole('button', { name: 'Create workshop' }).click();
    const facilitatorUrl = await fac.page
      .getByLabel('Facilitator link', { exact: true })
      .inputValue();
    const joinCode = (await fac.page.getByTestId('created-join-code').textContent())?.trim() ?? '';
    const id = new URL(facilitatorUrl).pathname.split('/')[2] ?? '';
    const created: Created = {
      id,
      joinCode,
      joinUrl: `${appOf().url}/join/${joinCode}`,
      facilitatorUrl,
    };
    await fac.page.goto(created.facilitatorUrl);
    await fac.page.getByLabel('Your name as facilitator').fill('Fran');
    await fac.page.getByRole('button', { name: 'Start facilitating' }).click();
    await expect.poll(() => fac.page.getByTestId('join-code').count()).toBe(1);

    // The one link to keep: the address bar drops the key, the header holds it (item 10).
    expect(fac.page.url()).not.toContain('key');
    await fac.page.getByText('Your facilitator link').click();
    const kept = await fac.page.getByTestId('facilitator-link').getByRole('textbox').inputValue();
    expect(kept).toBe(created.facilitatorUrl);
    const elsewhere = await person(browserOf());
    await elsewhere.page.goto(kept);
    await expect.poll(() => elsewhere.page.getByLabel('Your name as facilitator').count()).toBe(1);
    await elsewhere.context.close();

    const projector = await fac.context.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${appOf().url}/w/${created.id}/screen`);
    await expect.poll(() => projector.getByTestId('join-code').textContent()).toBe(joinCode);

    const lauri = await person(browserOf());
    const sanna = await person(browserOf(), { width: 390, height: 844 });
    const anna = await person(browserOf());
    await joinAs(lauri.page, appOf(), joinCode, 'Lauri', /Leader/);
    await joinAs(sanna.page, appOf(), joinCode, 'Sanna', /Staff/);
    await joinAs(anna.page, appOf(), joinCode, 'Anna', /Customer proxy/);
    const people = [lauri.page, sanna.page, anna.page];
    const everyone = [fac.page, projector, ...people];
    await screenshot(projector, 'first-projector-lobby');

    // Warm-up: a tap on each number saves it; the count rises on every screen (items 1, 3).
    await nextPhase(fac.page, 'warmup', everyone);
    // Workplace 10, 8, 3: one promoter, one passive, one detractor.
    const answers = [
      [10, 9],
      [8, 6],
      [3, 3],
    ] as const;
    for (const [i, page] of people.entries()) {
      const [workplace, customers] = answers[i] ?? [0, 0];
      const groups = page.getByRole('group');
      await groups.nth(0).getByText(String(workplace), { exact: true }).click();
      await groups.nth(1).getByText(String(customers), { exact: true }).click();
      await expect.poll(() => page.getByText('Saved.').count()).toBe(1);
      for (const screen of [fac.page, projector]) {
        await expect.poll(() => progressOf(screen)).toBe(`answered ${i + 1}/3`);
      }
    }
    expect(await people[0]!.getByTestId('ready-button').count()).toBe(0);
    await screenshot(projector, 'first-projector-warmup');
    await fac.page.getByRole('button', { name: 'Close the warm-up and show the results' }).click();
    for (const page of [projector, sanna.page]) {
      await expect.poll(() => page.getByTestId('enps').textContent()).toContain('1 promoter,');
    }
    // Plurals agree (item 10), and the instruction says the warm-up is over.
    const results = (await sanna.page.getByTestId('enps').textContent()) ?? '';
    expect(results).toContain('1 promoter,');
    expect(results).not.toMatch(/\b1 (promoters|passives|detractors)\b/);
    expect(await sanna.page.getByTestId('phase-instruction').textContent()).toContain(
      'The warm-up is closed',
    );
    await screenshot(projector, 'first-projector-warmup-results');

    // The walk: rating the step is being done with it, on every screen (item 3).
    await fac.page.getByLabel('Go to phase').selectOption('walk');
    for (const page of everyone) await expect.poll(() => phaseOf(page)).toBe('walk');
    expect(await sanna.page.getByTestId('phase-instruction').textContent()).toMatch(/rat/i);
    // Three steps: calm, then a gap (the leader pleased, the others hurt), then mixed.
    const plan: Array<Array<[string, string]>> = [
      [
        ['Calm', 'As expected'],
        ['Calm', 'As expected'],
        ['Calm', 'As expected'],
      ],
      [
        ['Happy', 'Better than expected'],
        ['Frustrated', 'Worse than expected'],
        ['Angry', 'Worse than expected'],
      ],
      [
        ['Calm', 'As expected'],
        ['Anxious', 'Worse than expected'],
        ['Calm', 'As expected'],
      ],
    ];
    const stepIds: string[] = [];
    for (const [s, ratings] of plan.entries()) {
      const stepId = (await fac.page.getByTestId('step-card').getAttribute('data-step-id')) ?? '';
      stepIds.push(stepId);
      for (const page of people) {
        await expect
          .poll(() => page.getByTestId('step-card').getAttribute('data-step-id'))
          .toBe(stepId);
      }
      for (const [i, page] of people.entries()) {
        const [feeling, expectation] = ratings[i]!;
        await rate(page, feeling, expectation);
        for (const screen of [fac.page, projector, anna.page]) {
          await expect.poll(() => progressOf(screen)).toBe(`rated ${i + 1}/3`);
        }
      }
      // Nobody pressed "I'm done": there is none in the walk, and nobody is waited for.
      expect(await lauri.page.getByTestId('ready-button').count()).toBe(0);
      expect(await projector.getByTestId('readiness').textContent()).toContain(
        'Everyone has rated this step',
      );
      if (s === 1) await screenshot(projector, 'first-projector-walk');
      if (s < plan.length - 1) {
        await fac.page.getByRole('button', { name: /Next step/ }).click();
        await expect
          .poll(() => fac.page.getByTestId('step-card').getAttribute('data-step-id'))
          .not.toBe(stepId);
      }
    }

    // The reveal opens with what was walked, no "Reveal all" needed (item 4).
    await nextPhase(fac.page, 'reveal', everyone);
    for (const page of everyone) {
      await expect
        .poll(() => page.getByTestId('biggest-gap').getAttribute('data-step-id'))
        .toBe(stepIds[1]);
    }
    // On the phone every chart is readable and nothing hides off-screen (item 6).
    const phone = sanna.page;
    await phone.getByTestId('emotion-curve').scrollIntoViewIfNeeded();
    expect(await smallestText(phone, '[data-testid="emotion-curve"]')).toBeGreaterThanOrEqual(12);
    // Step names on the axis, not only numbers (the map section).
    expect(await phone.getByTestId('emotion-curve').textContent()).toMatch(/1\.\s*\S{3,}/);
    expect(await smallestText(phone, '[data-testid="heat-map"]')).toBeGreaterThanOrEqual(12);
    const heat = await phone.getByTestId('heat-map').evaluate((el) => {
      const all = [el, ...el.querySelectorAll<HTMLElement>('*')];
      // A box that scrolls sideways hides part of itself: it needs a cue to swipe.
      const scrolls = all.some(
        (child) =>
          ['auto', 'scroll'].includes(getComputedStyle(child).overflowX) &&
          child.scrollWidth > child.clientWidth + 1,
      );
      const right = Math.max(...all.map((child) => child.getBoundingClientRect().right));
      return { scrolls, right };
    });
    // Either the whole heat map fits the phone, or a cue says to swipe.
    if (heat.scrolls) expect(await phone.getByTestId('swipe-cue').count()).toBeGreaterThan(0);
    else expect(heat.right).toBeLessThanOrEqual(390);
    const heatText = (await phone.getByTestId('heat-map').textContent()) ?? '';
    for (const role of ['Leader', 'Staff', 'Customer proxy']) expect(heatText).toContain(role);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(phone, 'first-phone-reveal', true);
    await screenshot(projector, 'first-projector-reveal');
    expect(await seriousViolations(phone)).toEqual([]);

    // Reflect opens on the top moment of truth, with the ranking at hand (item 7).
    await nextPhase(fac.page, 'reflect', everyone);
    await expect
      .poll(() => fac.page.getByTestId('reflect-ranking').locator('li').count())
      .toBeGreaterThan(0);
    for (const page of people) {
      await expect
        .poll(() => page.getByTestId('step-rank').textContent())
        .toContain('Moment of truth 1 of');
    }
    // The clinic's second step, "Reminder message", is where the leader and the others
    // parted: it is the top moment, on the facilitator's ranking, the boards and the wall.
    expect(
      await fac.page.getByTestId('reflect-ranking').locator('li').first().textContent(),
    ).toContain('Reminder message');
    for (const page of people) {
      expect(
        await page.getByTestId('board').locator('..').locator('select').first().inputValue(),
      ).toBe(stepIds[1]);
    }
    expect(await projector.getByTestId('projector-part').textContent()).toContain(
      'Reminder message',
    );
    await screenshot(projector, 'first-projector-reflect');

    // The board on the phone: the phase's lanes first and open, the rest folded, every
    // control labelled (item 9).
    const board = phone.getByTestId('board');
    const lanes = await board
      .locator('section[data-lane]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.lane));
    expect(lanes.slice(0, 3)).toEqual(['pains', 'gains', 'questions']);
    const folded = board.locator('button[aria-expanded="false"]');
    expect(await folded.count()).toBeGreaterThan(3);
    const pain = phone.getByLabel('New note in “Pains”');
    await pain.fill('Nobody told me how long the wait would be');
    await pain.press('Enter');
    await expect.poll(() => board.getByText('Move to lane').count()).toBeGreaterThan(0);
    expect(await board.getByRole('button', { name: 'Delete note' }).count()).toBeGreaterThan(0);
    await screenshot(phone, 'first-phone-reflect-board');

    // The journey map: by keyboard, and a note from a cell reaches the others (map).
    await anna.page.getByRole('tab', { name: 'Map' }).click();
    const grid = anna.page.getByRole('grid', { name: /Journey map/ });
    await expect.poll(() => grid.count()).toBe(1);
    const first = grid.locator('[role="gridcell"][tabindex="0"]');
    await first.focus();
    const start = await first.getAttribute('data-cell');
    await anna.page.keyboard.press('ArrowRight');
    const moved = await anna.page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.cell,
    );
    expect(moved).not.toBe(start);
    expect(moved?.split(':')[0]).toBe(start?.split(':')[0]);
    await anna.page.keyboard.press('ArrowDown');
    const down = await anna.page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.cell,
    );
    expect(down?.split(':')[1]).toBe(moved?.split(':')[1]);
    await anna.page.keyboard.press('Enter');
    const dialog = anna.page.getByTestId('map-cell-dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('textbox').first().fill('The waiting room screen shows no queue');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await lauri.page.getByRole('tab', { name: 'Map' }).click();
    await expect
      .poll(() => lauri.page.getByRole('grid').textContent())
      .toContain('The waiting room screen shows no queue');
    await screenshot(anna.page, 'first-map-laptop', true);
    expect(await seriousViolations(anna.page)).toEqual([]);
    await phone.getByRole('tab', { name: 'Map' }).click();
    await expect.poll(() => phone.getByTestId('journey-map').count()).toBe(1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(phone, 'first-map-phone');
    await projector.getByTestId('projector-map-toggle').click();
    await expect
      .poll(() => projector.getByTestId('projector-map').textContent())
      .toContain('The waiting room');
    // The whole map fits the wall: nobody there can scroll.
    const fit = await projector.getByTestId('projector-map').evaluate((el) => {
      const box = el.querySelector('svg')!.getBoundingClientRect();
      return { right: box.right, bottom: box.bottom, page: document.documentElement.scrollHeight };
    });
    expect(fit.right).toBeLessThanOrEqual(1600);
    expect(fit.bottom).toBeLessThanOrEqual(900);
    expect(fit.page).toBeLessThanOrEqual(900);
    await screenshot(projector, 'first-projector-map');
    await projector.getByTestId('projector-map-toggle').click();

    // Ideate: the ideas arrive on the projector (item 5).
    await nextPhase(fac.page, 'ideate', everyone);
    const ideas = ['Show the queue on the screen', 'Text when the doctor is late', 'Call back'];
    for (const [i, page] of people.entries()) {
      const tab = page.getByRole('tab', { name: 'Board' });
      if (await tab.count()) await tab.click();
      const input = page.getByLabel('New note in “Ideas”');
      await input.fill(ideas[i]!);
      await input.press('Enter');
      await expect
        .poll(() => projector.getByTestId('ideas-count').textContent())
        .toContain(`${i + 1} idea`);
    }
    // On the phone, the ideas lane comes first (item 9).
    expect(
      await phone
        .getByTestId('board')
        .locator('section[data-lane]')
        .first()
        .getAttribute('data-lane'),
    ).toBe('ideas');
    await screenshot(projector, 'first-projector-ideate');

    // Vote: dots spent and who still has dots; the projector counts, names stay hidden
    // (item 2); then the ranking on the wall (item 5).
    await nextPhase(fac.page, 'vote', everyone);
    const addDot = (page: Page, idea: string) =>
      page.getByRole('button', { name: `Add a dot to “${idea}”` }).click();
    const spent = (page: Page) => page.getByTestId('dots-spent').getAttribute('data-spent');
    const votes: Array<[Page, string[]]> = [
      [lauri.page, [ideas[0]!, ideas[0]!, ideas[0]!, ideas[1]!, ideas[1]!]],
      [sanna.page, [ideas[1]!, ideas[1]!, ideas[1]!, ideas[2]!, ideas[2]!]],
      [anna.page, [ideas[1]!, ideas[0]!, ideas[0]!, ideas[2]!, ideas[1]!]],
    ];
    let total = 0;
    for (const [i, [page, dots]] of votes.entries()) {
      for (const idea of dots) {
        await addDot(page, idea);
        total += 1;
        await expect.poll(() => spent(fac.page)).toBe(String(total));
      }
      await expect.poll(() => progressOf(fac.page)).toBe(`dots ${i + 1}/3`);
      await expect.poll(() => progressOf(projector)).toBe(`dots ${i + 1}/3`);
      if (i === 0) {
        // The facilitator sees who still has dots; the anonymous projector, only a count.
        const waiting = (await fac.page.getByTestId('waiting-for').textContent()) ?? '';
        expect(waiting).toContain('Sanna');
        expect(waiting).toContain('Anna');
        const wall = (await projector.getByTestId('readiness').textContent()) ?? '';
        expect(wall).toContain('2 people still have dots');
        expect(wall).not.toContain('Sanna');
        await screenshot(projector, 'first-projector-vote');
      }
    }
    expect(await spent(projector)).toBe('15');
    await fac.page.getByRole('button', { name: 'Close the voting' }).click();
    // Dots: "Text when the doctor is late" 7, "Show the queue…" 5, "Call back" 3.
    await expect
      .poll(() => projector.getByTestId('ranked-idea').first().textContent())
      .toContain(ideas[1]);
    await screenshot(projector, 'first-projector-vote-ranking');

    // Actions: written beside the ranking, most dots first (item 8); the wall lists them (5).
    await nextPhase(fac.page, 'actions', everyone);
    const ranking = fac.page.getByTestId('idea-ranking');
    await expect.poll(() => ranking.locator('li').first().textContent()).toContain(ideas[1]);
    expect(await ranking.locator('li').nth(1).textContent()).toContain(ideas[0]);
    await fac.page
      .getByLabel('What will be done')
      .last()
      .fill('Send a text when the doctor is late');
    await fac.page.getByLabel('Owner').last().fill('Päivi');
    await fac.page.getByRole('button', { name: 'Add the action' }).click();
    await expect
      .poll(() => projector.getByTestId('projector-action').first().textContent())
      .toContain('Send a text when the doctor is late');
    await screenshot(projector, 'first-projector-actions');

    // Summary: the headline findings on the wall; the map and its A3 page in the PDF.
    await nextPhase(fac.page, 'summary', everyone);
    await expect
      .poll(() => projector.getByTestId('projector-part').textContent())
      .toContain('Headline findings');
    await screenshot(projector, 'first-projector-summary');
    const summary = await fac.context.newPage();
    await summary.goto(`${appOf().url}/w/${created.id}/summary`);
    await expect
      .poll(() => summary.getByRole('grid').textContent())
      .toContain('The waiting room screen shows no queue');
    const [download] = await Promise.all([
      summary.waitForEvent('download'),
      summary.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const pdf = (await import('node:fs')).readFileSync((await download.path()) ?? '', 'latin1');
    // pdfkit's A3 landscape: 1190.55 × 841.89 points.
    expect(pdf).toMatch(/\/MediaBox \[0 0 1190\.55\d* 841\.89\d*\]/);
    expect(await seriousViolations(summary)).toEqual([]);

    for (const ctx of [fac.context, lauri.context, sanna.context, anna.context]) await ctx.close();
  });
});
