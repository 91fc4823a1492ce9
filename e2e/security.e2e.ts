import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rawRequest, rawUpgrade } from '../support/raw-http';
import { person } from './helpers/browser';
import { createWorkshop, facilitate, joinAs, withAppAndBrowser } from './helpers/session';

const { app: appOf, browser: browserOf } = withAppAndBrowser();

/** Markup that would run if any screen put user text into the DOM as HTML. */
const HOSTILE = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;

/** Names are at most 40 characters; this still runs if put into the DOM as HTML. */
const HOSTILE_NAME = `<img src=x onerror=__pwned=1>`;

const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers and the CSP the app runs under', () => {
  it('gives every page a fresh nonce on all its scripts, frame-ancestors, referrer and nosniff', async () => {
    const created = await createWorkshop(appOf(), 'online-purchase-delivery', 'Headers');
    const pages = [
      '/',
      `/join/${created.joinCode}`,
      `/w/${created.id}`,
      `/w/${created.id}/facilitate`,
      `/w/${created.id}/screen`,
      `/w/${created.id}/summary`,
      `/rejoin/${created.id}`,
    ];
    const nonces = new Set<string>();
    for (const path of pages) {
      // A client cannot choose the nonce by sending a CSP header of its own.
      const res = await fetch(`${appOf().url}${path}`, {
        headers: { 'content-security-policy': "script-src 'nonce-chosen'" },
      });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('frame-ancestors'), path).toBe("'none'");
      expect(csp.get('object-src'), path).toBe("'none'");
      expect(csp.get('script-src'), path).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(csp.get('script-src') ?? '')?.[1];
      expect(nonce, path).toBeTruthy();
      expect(nonce).not.toBe('chosen');
      nonces.add(nonce ?? '');
      // Every script Next rendered carries this response's nonce, and no other.
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(pages.length);
    const api = await fetch(`${appOf().url}/healthz`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('renders hostile names, titles and notes as text on every screen, with nothing refused by the CSP', async () => {
    const created = await createWorkshop(appOf(), 'online-purchase-delivery', `Title ${HOSTILE}`);
    const fac = await person(browserOf());
    await facilitate(fac.page, created, `Fran ${HOSTILE_NAME}`);
    const anna = await person(browserOf());
    await joinAs(anna.page, appOf(), created.joinCode, `Anna ${HOSTILE_NAME}`, /Customer proxy/);
    const ben = await person(browserOf());
    await joinAs(ben.page, appOf(), created.joinCode, 'Ben', /Staff/);
    await fac.page.getByLabel('Go to phase').selectOption('walk');
    await expect.poll(() => anna.page.getByTestId('board').count()).toBe(1);
    const input = anna.page.getByLabel('New note in “Pains”');
    await input.fill(`Note ${HOSTILE}`);
    await input.press('Enter');

    // Another participant sees the note, and the facilitator the name, as the very
    // characters typed.
    const note = ben.page.getByTestId('board').locator('li[data-lane="pains"]').first();
    await expect.poll(() => note.textContent()).toContain(`Note ${HOSTILE}`);
    await expect
      .poll(() => fac.page.getByTestId('presence-list').textContent())
      .toContain(`Anna ${HOSTILE_NAME}`);
    const projector = await fac.context.newPage();
    await projector.goto(`${appOf().url}/w/${created.id}/screen`);
    await expect.poll(() => projector.locator('main').textContent()).toContain(HOSTILE);
    const summary = await fac.context.newPage();
    await summary.goto(`${appOf().url}/w/${created.id}/summary`);
    await expect.poll(() => summary.locator('main').textContent()).toContain(HOSTILE);

    for (const page of [fac.page, anna.page, ben.page, projector, summary]) {
      expect(await pwned(page)).toBeNull();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
  });

  it('cannot be framed by another site', async () => {
    const created = await createWorkshop(appOf(), 'online-purchase-delivery', 'Framed');
    // A context of its own, outside the suite's CSP watch: this refusal is the point.
    const context = await browserOf().newContext();
    const page = await context.newPage();
    const target = `${appOf().url}/join/${created.joinCode}`;
    // The framing page is served from another origin (a data: URL is an opaque origin).
    await page.goto(`data:text/html,<iframe src="${target}" title="framed"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame with its error page; the join form never renders.
    await expect.poll(() => frame?.url() ?? '').not.toBe(target);
    expect(await frame?.locator('input').count()).toBe(0);
    await context.close();
  });
});

describe('websocket upgrades once the pages are up', () => {
  it('answers an upgrade under /_next/ 404 after a page was served (Next would leave it open)', async () => {
    const { url } = appOf();
    expect((await fetch(`${url}/`)).status).toBe(200);
    const port = Number(new URL(url).port);
    const answer = await rawRequest(port, rawUpgrade('/_next/x'), 3_000);
    expect({ status: answer.status, ended: answer.ended }).toEqual({
      status: 404,
      ended: 'closed',
    });
  });
});
