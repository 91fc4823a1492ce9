/**
 * What a keyboard user does and a screen-reader user hears, for the keyboard-only walk
 * (e2e/keyboard.e2e.ts): Tab to a control by its accessible name, the focus and its ring,
 * and the announcements of a live region.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The focused element's accessible name, as a screen reader would roughly read it:
 * aria-label, else aria-labelledby, else its <label>, else its text. Enough to tell
 * buttons, fields and radios apart.
 */
export function focusedName(page: Page): Promise<string> {
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
export async function tabTo(
  page: Page,
  name: RegExp,
  { back = false, max = 300 } = {},
): Promise<void> {
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
export async function tabFromTop(page: Page, name: RegExp): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(page, name);
}

/** The test id of the focused element: where the focus went. */
export const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/**
 * The focus ring of the focused element: its own outline, or for a visually hidden radio
 * the outline of the chip (label) drawn around it. "none" when a keyboard user cannot see
 * where they are.
 */
function focusRing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'focus lost';
    const drawn = el.classList.contains('sr-only') ? (el.closest('label') ?? el) : el;
    const style = getComputedStyle(drawn);
    return style.outlineStyle === 'none' || style.outlineWidth === '0px'
      ? 'none'
      : `${style.outlineStyle} ${style.outlineWidth}`;
  });
}
export async function expectFocusRing(page: Page): Promise<void> {
  expect(await focusRing(page)).toMatch(/^(solid|auto) [1-9]/);
}

/**
 * Records every text a live region takes, from now on, as a screen reader would hear it
 * (consecutive repeats are one announcement).
 */
export async function recordLiveRegion(
  page: Page,
  testId: string,
): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const region = document.querySelector(`[data-testid="${id}"]`);
    if (!region) throw new Error(`no live region ${id}`);
    const said: string[] = [];
    (window as unknown as Record<string, string[]>)[`said:${id}`] = said;
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text && said[said.length - 1] !== text) said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  }, testId);
  return () =>
    page.evaluate(
      (id) => (window as unknown as Record<string, string[]>)[`said:${id}`] ?? [],
      testId,
    );
}
