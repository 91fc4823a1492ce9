import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

const dotsLeft = (page: Page) => page.getByTestId('dots-left').getAttribute('data-left');

async function addDot(page: Page, idea: string): Promise<void> {
  await page.getByRole('button', { name: `Add a dot to “${idea}”` }).click();
}

describe('ideas, votes and actions in Chromium', () => {
  it('three people vote within their budget, the facilitator records actions, and the summary shows both', async () => {
    const created = await createWorkshop(appOf(), 'online-purchase-delivery', 'Web shop');
    const fac = await person(browserOf(), { width: 1400, height: 1000 });
    await facilitate(fac.page, created);
    const people = [
      await person(browserOf()),
      await person(browserOf()),
      await person(browserOf()),
    ];
    const names = ['Anna', 'Ben', 'Cai'];
    for (const [i, p] of people.entries()) {
      await joinAs(
        p.page,
        appOf(),
        created.joinCode,
        names[i] ?? '',
        i === 1 ? /Staff/ : /Customer proxy/,
      );
    }

    // A quick walk of the first step, rated and revealed, so the summary has a curve.
    await fac.page.getByLabel('Go to phase').selectOption('walk');
    const feelings: Array<[string, string]> = [
      ['Frustrated', 'Worse than expected'],
      ['Happy', 'Better than expected'],
      ['Angry', 'Worse than expected'],
    ];
    for (const [i, p] of people.entries()) {
      const form = p.page.getByTestId('rating-form');
      const [feeling, expectation] = feelings[i] ?? ['Neutral', 'As expected'];
      await form.locator('label', { hasText: feeling }).click();
      await form.locator('label', { hasText: expectation }).click();
      await expect.poll(() => p.page.getByTestId('rating-status').textContent()).toContain('Saved');
    }
    await fac.page.getByRole('button', { name: 'Reveal this step' }).click();

    // Ideation: three ideas on the first step's board.
    await fac.page.getByLabel('Go to phase').selectOption('ideate');
    const ideas = [
      'Show the delivery slot before payment',
      'Text when the driver is near',
      'One page for returns',
    ];
    const ideaCount = (page: Page) =>
      page.getByTestId('board').locator('li[data-lane="ideas"]').count();
    for (const [i, idea] of ideas.entries()) {
      const page = people[i]!.page;
      await expect
        .poll(() => page.getByTestId('phase-name').getAttribute('data-phase'))
        .toBe('ideate');
      const input = page.getByLabel('New note in “Ideas”');
      await input.fill(idea);
      await input.press('Enter');
      // The writer sees their idea at once (it is local first), then everyone does.
      await expect.poll(() => ideaCount(page)).toBeGreaterThanOrEqual(i + 1);
    }
    for (const p of people) {
      await expect.poll(() => ideaCount(p.page), { timeout: 20_000 }).toBe(3);
    }

    // Voting: five dots each, at most three on one idea.
    await fac.page.getByLabel('Go to phase').selectOption('vote');
    const [anna, ben, cai] = people.map((p) => p.page) as [Page, Page, Page];
    await expect.poll(() => dotsLeft(anna)).toBe('5');
    for (let i = 0; i < 3; i++) await addDot(anna, ideas[0]!);
    // A fourth dot on the same idea is not offered.
    await expect
      .poll(() => anna.getByRole('button', { name: `Add a dot to “${ideas[0]}”` }).isDisabled())
      .toBe(true);
    for (let i = 0; i < 2; i++) await addDot(anna, ideas[1]!);
    await expect.poll(() => dotsLeft(anna)).toBe('0');
    // With the budget spent, no idea takes another dot.
    expect(
      await anna.getByRole('button', { name: `Add a dot to “${ideas[2]}”` }).isDisabled(),
    ).toBe(true);
    for (let i = 0; i < 2; i++) await addDot(ben, ideas[0]!);
    await addDot(ben, ideas[2]!);
    await addDot(cai, ideas[1]!);
    await expect.poll(() => dotsLeft(cai)).toBe('4');
    // Totals are hidden until the facilitator closes the voting.
    expect(
      await fac.page.getByTestId('ideas').locator('li').first().getAttribute('data-total'),
    ).toBe('');
    await fac.page.getByRole('button', { name: 'Close the voting' }).click();
    // The ranking arrives with the close; until then the first row may still be unranked.
    await expect
      .poll(() => ben.getByTestId('ideas').locator('li').first().getAttribute('data-total'))
      .toBe('5');
    expect(await ben.getByTestId('ideas').locator('li').first().textContent()).toContain(ideas[0]);
    await screenshot(ben, 'vote-results');

    // Actions: the facilitator records two.
    await fac.page.getByLabel('Go to phase').selectOption('actions');
    const actions: Array<[string, string]> = [
      ['Show the delivery slot on the product page', 'Päivi'],
      ['Send an SMS when the driver is 15 minutes away', 'Jussi'],
    ];
    for (const [text, owner] of actions) {
      await fac.page.getByLabel('What will be done').last().fill(text);
      await fac.page.getByLabel('Owner').last().fill(owner);
      await fac.page.getByRole('button', { name: 'Add the action' }).click();
    }
    await expect.poll(() => anna.getByTestId('action-list').locator('li').count()).toBe(2);

    // The summary: ideas by dots and the action list.
    const summary = await fac.context.newPage();
    await summary.goto(`${appOf().url}/w/${created.id}/summary`);
    await expect.poll(() => summary.getByTestId('summary-ideas').textContent()).toContain('5 dots');
    expect(await summary.getByTestId('summary-actions').textContent()).toContain('Päivi');
    await screenshot(summary, 'summary', true);

    // All four exports download from the summary page, each what it says it is.
    const downloads: Record<string, Buffer> = {};
    for (const [button, format] of [
      ['Download PDF', 'pdf'],
      ['Download Markdown', 'md'],
      ['Download CSV (zip)', 'csv'],
      ['Download JSON', 'json'],
    ] as const) {
      const [download] = await Promise.all([
        summary.waitForEvent('download'),
        summary.getByRole('button', { name: button }).click(),
      ]);
      downloads[format] = fs.readFileSync((await download.path()) ?? '');
    }
    // Kept as artefacts of the run (docs/examples/ comes from `npm run docs:examples`).
    for (const [format, body] of Object.entries(downloads)) {
      fs.writeFileSync(
        path.join(ARTIFACTS, `example-export.${format === 'csv' ? 'zip' : format}`),
        body,
      );
    }
    expect(downloads.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(downloads.md?.toString('utf8')).toContain('Web shop');
    expect(downloads.md?.toString('utf8')).toContain('Päivi');
    expect(downloads.csv?.subarray(0, 2).toString()).toBe('PK');
    const json = JSON.parse(downloads.json?.toString('utf8') ?? '{}') as {
      schema: string;
      ideas: Array<{ dots: number }>;
    };
    expect(json.schema).toBe('saappaat.workshop');
    expect(json.ideas[0]?.dots).toBe(5);

    // A second run of the same path, and the comparison of the two.
    await summary.getByRole('button', { name: 'Create the next run' }).click();
    await summary.waitForURL(/\/w\/[^/]+\/facilitate/);
    const secondId = new URL(summary.url()).pathname.split('/')[2] ?? '';
    expect(secondId).not.toBe(created.id);
    await summary.goto(`${appOf().url}/w/${secondId}/compare`);
    await expect
      .poll(() => summary.getByTestId('compare-table').locator('thead th').count())
      .toBe(4); // step, run 1, run 2, change
    await screenshot(summary, 'compare', true);

    for (const ctx of [fac.context, ...people.map((p) => p.context)]) await ctx.close();
  });
});
