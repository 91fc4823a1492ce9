import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA rules; axe's best practices are left to review. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical axe violations on what the page shows now, one line each
 * (rule, impact, the first offending elements), so a failure reads as a to-do list.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A colour still in its transition (a button just enabled, 150 ms) is no colour anyone
  // reads: audit what the page settles on. (Seen: a contrast failure mid-transition.)
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
