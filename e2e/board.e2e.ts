import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

async function addNote(page: Page, lane: string, text: string): Promise<void> {
  const input = page.getByLabel(`New note in “${lane}”`);
  await input.fill(text);
  await input.press('Enter');
}

/** The board as this screen shows it: sorted "lane|text" lines. */
async function boardOf(page: Page): Promise<string[]> {
  const notes = page.getByTestId('board').locator('li[data-note-id]');
  const lines = await notes.evaluateAll((els) =>
    els.map((el) => {
      const text = el.querySelector('textarea')?.value ?? el.querySelector('p')?.textContent ?? '';
      return `${el.getAttribute('data-lane')}|${text}`;
    }),
  );
  return lines.sort();
}

describe('the shared board in Chromium', () => {
  it('merges notes from three people, one of them offline for a while', async () => {
    const created = await createWorkshop(appOf(), 'support-case', 'Support case');
    const fac = await person(browserOf());
    await facilitate(fac.page, created);
    const people = [
      await person(browserOf()),
      await person(browserOf()),
      await person(browserOf()),
    ];
    await joinAs(people[0]!.page, appOf(), created.joinCode, 'Anna', /Customer proxy/);
    await joinAs(people[1]!.page, appOf(), created.joinCode, 'Ben', /Staff/);
    await joinAs(people[2]!.page, appOf(), created.joinCode, 'Cai', /Leader/);
    await fac.page.getByLabel('Go to phase').selectOption('walk');
    for (const p of people) await expect.poll(() => p.page.getByTestId('board').count()).toBe(1);

    // Three people, three lanes, all at once.
    await Promise.all([
      addNote(people[0]!.page, 'Pains', 'The chatbot did not understand me'),
      addNote(people[1]!.page, 'Staff does', 'Copies the case into the ticket system by hand'),
      addNote(people[2]!.page, 'Questions', 'Who owns the chat channel?'),
    ]);
    for (const p of people) await expect.poll(async () => (await boardOf(p.page)).length).toBe(3);

    // Ben loses the network, writes a note and edits his first one, then comes back.
    await people[1]!.context.setOffline(true);
    await expect
      .poll(() => people[1]!.page.getByRole('status').first().getAttribute('data-status'))
      .toBe('offline');
    await addNote(people[1]!.page, 'Gains', 'The agent called me back');
    await addNote(people[0]!.page, 'Customer feels', 'Tired of repeating myself');
    expect(await boardOf(people[1]!.page)).toContain('gains|The agent called me back');
    await screenshot(people[1]!.page, 'board-offline');
    await people[1]!.context.setOffline(false);

    const expected = [
      'customerFeels|Tired of repeating myself',
      'gains|The agent called me back',
      'pains|The chatbot did not understand me',
      'questions|Who owns the chat channel?',
      'staffDoes|Copies the case into the ticket system by hand',
    ];
    for (const p of people) {
      await expect.poll(() => boardOf(p.page), { timeout: 20_000 }).toEqual(expected);
    }
    await people[0]!.page
      .getByTestId('board')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(people[0]!.page, 'board');
    for (const ctx of [fac.context, ...people.map((p) => p.context)]) await ctx.close();
  });
});
