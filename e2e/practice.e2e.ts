import { describe, expect, it } from 'vitest';
import { person, screenshot } from './helpers/browser';
import { createWorkshop, facilitate, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

describe('practising alone', () => {
  it('fills the lobby with simulated participants who then answer the warm-up', async () => {
    const created = await createWorkshop(appOf(), 'clinic-visit', 'Practice');
    const fac = await person(browserOf(), { width: 1280, height: 1000 });
    await facilitate(fac.page, created);
    await fac.page.getByRole('button', { name: 'Add simulated participants' }).click();
    await expect
      .poll(() => fac.page.getByTestId('simulated-added').textContent())
      .toContain('6 simulated participants joined');
    const list = fac.page.getByTestId('presence-list');
    await expect.poll(() => list.getByText('(demo)').count()).toBe(6);
    await screenshot(fac.page, 'practice-lobby', true);

    await fac.page.getByLabel('Go to phase').selectOption('warmup');
    await expect
      .poll(() => fac.page.getByTestId('readiness').getAttribute('data-done'), { timeout: 20_000 })
      .toBe('6');
    // The offer is for the lobby only.
    expect(await fac.page.getByRole('button', { name: 'Add simulated participants' }).count()).toBe(
      0,
    );
  });
});
