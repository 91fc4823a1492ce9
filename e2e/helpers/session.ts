import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Locale } from '../../lib/domain/roles';
import { type RunningApp, startApp } from './app';
import { cspViolations, launchBrowser, missingMessages, pageErrors } from './browser';

/**
 * One server process and one Chromium for a test file. Returns getters, since both exist
 * only once `beforeAll` has run. At the end it checks that no catalogue key was missing.
 */
export function withAppAndBrowser(): { app: () => RunningApp; browser: () => Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    // Every word on screen came from the catalogues: next-intl reported no missing key.
    expect(missingMessages).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
  return {
    app: () => app as RunningApp,
    browser: () => browser as Browser,
  };
}

export interface Created {
  id: string;
  joinCode: string;
  joinUrl: string;
  facilitatorUrl: string;
}

/** Creates a workshop through the public API (the landing page has its own test). */
export async function createWorkshop(
  app: Pick<RunningApp, 'url'>,
  template: string,
  title: string,
  locale: Locale = 'en',
): Promise<Created> {
  const res = await fetch(`${app.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template, locale }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

/** Opens the facilitator link and signs in with a name. */
export async function facilitate(page: Page, created: Created, name = 'Fran'): Promise<void> {
  await page.goto(created.facilitatorUrl);
  await page.getByLabel('Your name as facilitator').fill(name);
  await page.getByRole('button', { name: 'Start facilitating' }).click();
  await expect.poll(() => page.getByTestId('join-code').count()).toBe(1);
}

/** Joins through the join link with a name and a role, and waits for the workshop page. */
export async function joinAs(
  page: Page,
  app: Pick<RunningApp, 'url'>,
  code: string,
  name: string,
  role: RegExp,
) {
  await page.goto(`${app.url}/join/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
}
