import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { person, rawKeysOn } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

const phaseOf = (page: Page) => page.getByTestId('phase-name').getAttribute('data-phase');

/**
 * Collects violations per screen, so one run lists everything to fix; a catalogue key
 * shown as raw text counts as one.
 */
const found: Record<string, string[]> = {};
async function audit(page: Page, screen: string): Promise<void> {
  const rawKeys = (await rawKeysOn(page)).map((key) => `raw catalogue key: ${key}`);
  const violations = [...(await seriousViolations(page)), ...rawKeys];
  if (violations.length > 0) found[screen] = violations;
  if (process.env.AXE_LOG) console.log(screen, violations);
}

describe('axe-core on every main page', () => {
  it('finds no serious or critical violation on the landing and join pages, in both languages', async () => {
    const created = await createWorkshop(appOf(), 'clinic-visit', 'Clinic visit');
    for (const locale of ['en-GB', 'fi-FI']) {
      const { page } = await person(browserOf(), { locale });
      await page.goto(`${appOf().url}/`);
      await audit(page, `landing ${locale}`);
      await page.goto(`${appOf().url}/join/${created.joinCode}`);
      await page.getByRole('radio').first().waitFor();
      await audit(page, `join ${locale}`);
    }
    expect(found).toEqual({});
  });

  it('finds none on the participant’s, facilitator’s and projector’s screens in every phase, nor on the summary', async () => {
    const created = await createWorkshop(appOf(), 'clinic-visit', 'Clinic visit');
    const fac = await person(browserOf());
    await facilitate(fac.page, created);
    const projector = await fac.context.newPage();
    await projector.goto(`${appOf().url}/w/${created.id}/screen`);
    const anna = await person(browserOf());
    await joinAs(anna.page, appOf(), created.joinCode, 'Anna', /Customer proxy/);
    const phases = await fac.page
      .getByLabel('Go to phase')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(phases).toContain('walk');
    // What people do in a phase before it is audited, so the screens show real content.
    const acts: Record<string, () => Promise<void>> = {
      warmup: async () => {
        const groups = anna.page.getByRole('group');
        await groups.nth(0).getByText('8', { exact: true }).click();
        await groups.nth(1).getByText('6', { exact: true }).click();
      },
      walk: async () => {
        const form = anna.page.getByTestId('rating-form');
        await form.locator('label', { hasText: 'Frustrated' }).click();
        await form.locator('label', { hasText: 'Worse than expected' }).click();
        await expect
          .poll(() => anna.page.getByTestId('rating-status').textContent())
          .toContain('Saved');
        const note = anna.page.getByLabel('New note in “Pains”');
        await note.fill('Nobody told me how long the wait would be');
        await note.press('Enter');
        await fac.page.getByRole('button', { name: 'Reveal this step' }).click();
      },
      ideate: async () => {
        const idea = anna.page.getByLabel('New note in “Ideas”');
        await idea.fill('Show the queue on a screen');
        await idea.press('Enter');
      },
      vote: async () => {
        await anna.page
          .getByRole('button', { name: 'Add a dot to “Show the queue on a screen”' })
          .click();
      },
      actions: async () => {
        await fac.page
          .getByLabel('What will be done')
          .last()
          .fill('Put a queue screen in the lobby');
        await fac.page.getByLabel('Owner').last().fill('Päivi');
        await fac.page.getByRole('button', { name: 'Add the action' }).click();
      },
    };
    for (const phase of phases) {
      await fac.page.getByLabel('Go to phase').selectOption(phase);
      for (const page of [anna.page, fac.page, projector]) {
        await expect.poll(() => phaseOf(page)).toBe(phase);
      }
      await acts[phase]?.();
      await audit(anna.page, `participant ${phase}`);
      await audit(fac.page, `facilitator ${phase}`);
      await audit(projector, `projector ${phase}`);
    }
    const summary = await fac.context.newPage();
    await summary.goto(`${appOf().url}/w/${created.id}/summary`);
    await summary.getByTestId('summary-actions').waitFor();
    await audit(summary, 'summary');
    expect(found).toEqual({});
  }, 600_000);
});
