import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(import.meta.dirname, '..', 'artifacts');

/** Debian's Chromium; playwright cannot download browsers on these machines. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One person: a browser context of their own (own cookies and storage), one page. */
export async function person(
  browser: Browser,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchPage(page);
  context.on('page', watchPage);
  return { context, page };
}

/** Console reports from next-intl of a key missing from a catalogue, across all pages. */
export const missingMessages: string[] = [];
/** Uncaught exceptions in any page (a crashed screen fails the suite even if unasserted). */
export const pageErrors: string[] = [];
/** Anything the Content-Security-Policy refused: the app must run under its own policy. */
export const cspViolations: string[] = [];

function watchPage(page: Page): void {
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('MISSING_MESSAGE')) missingMessages.push(text);
    if (text.includes('Content Security Policy')) cspViolations.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
}

/** Saves what the person sees (the viewport, or the whole page) under e2e/artifacts/. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Every dotted key of the English catalogue (both catalogues have the same keys). */
const CATALOGUE_KEYS: ReadonlySet<string> = (() => {
  const catalogue = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../lib/i18n/messages/en.json'), 'utf8'),
  ) as object;
  const walk = (tree: object, prefix: string): string[] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? walk(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  return new Set(walk(catalogue, ''));
})();

/**
 * Catalogue keys shown as text on the page (next-intl shows the key when a message is
 * missing, and a server-rendered miss is not reported in the browser's console).
 */
export async function rawKeysOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const candidates = text.match(/\b[a-zA-Z]+(?:\.[a-zA-Z0-9]+)+\b/g) ?? [];
  return [...new Set(candidates.filter((c) => CATALOGUE_KEYS.has(c)))];
}
