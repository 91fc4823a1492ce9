import type { Browser, Page } from 'playwright-core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../support/cluster';
import {
  cspViolations,
  launchBrowser,
  missingMessages,
  person,
  screenshot,
} from './helpers/browser';
import { createWorkshop, facilitate, joinAs } from './helpers/session';

const phaseOf = (page: Page) => page.getByTestId('phase-name').getAttribute('data-phase');
/** Both channels' badges (control and board) must say synced. */
const connected = async (page: Page) => {
  const badges = await page
    .locator('[role=status][data-status]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
  return badges.length > 0 && badges.every((s) => s === 'synced');
};

/**
 * Several nodes in real browsers: two production servers over Postgres and Redis, nginx
 * (deploy/nginx.conf) in front, a facilitator and a participant in Chromium. The node
 * serving the workshop is killed; both pages reconnect by themselves, without a reload,
 * to the other node, and the workshop goes on with what was stored.
 */
describe('two nodes behind nginx, in Chromium', () => {
  let cluster: Cluster;
  let browser: Browser;
  const redis = new Redis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
  beforeAll(async () => {
    // A short lease: the dead node's workshop moves within about two seconds.
    cluster = await startCluster(2, { LEASE_TTL_MS: '2000' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    redis.disconnect();
    expect(missingMessages).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('the node serving the workshop dies mid-walk: both screens come back by themselves', async () => {
    const front = { url: cluster.target.url };
    const created = await createWorkshop(front, 'clinic-visit', 'Two nodes');
    const fac = await person(browser, { width: 1400, height: 900 });
    await facilitate(fac.page, created);
    const anna = await person(browser);
    await joinAs(anna.page, front, created.joinCode, 'Anna', /Customer proxy/);

    await fac.page.getByLabel('Go to phase').selectOption('walk');
    await expect.poll(() => phaseOf(anna.page)).toBe('walk');
    const form = anna.page.getByTestId('rating-form');
    await form.locator('label', { hasText: 'Frustrated' }).click();
    await form.locator('label', { hasText: 'Worse than expected' }).click();
    await expect
      .poll(() => anna.page.getByTestId('rating-status').textContent())
      .toContain('Saved');
    await expect.poll(() => fac.page.getByTestId('readiness').getAttribute('data-done')).toBe('1');

    const lease = await redis.get(`saappaat:lease:${created.id}`);
    const owner = cluster.nodes.findIndex((_, i) => lease?.startsWith(`node-${i + 1}#`));
    expect(owner).toBeGreaterThanOrEqual(0);
    process.kill(cluster.nodes[owner]!.pid, 'SIGKILL');

    // Both pages notice, then find the workshop on the other node, without a reload.
    await expect.poll(() => connected(anna.page)).toBe(false);
    await expect.poll(() => connected(anna.page), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => connected(fac.page), { timeout: 30_000 }).toBe(true);
    const survivor = await redis.get(`saappaat:lease:${created.id}`);
    expect(survivor?.startsWith(`node-${2 - owner}#`)).toBe(true);

    // The rating made before the kill is there (read back from Postgres), and the
    // facilitator leads on: the reveal reaches Anna.
    await expect.poll(() => fac.page.getByTestId('readiness').getAttribute('data-done')).toBe('1');
    await fac.page.getByRole('button', { name: 'Reveal this step' }).click();
    await fac.page.getByLabel('Go to phase').selectOption('reveal');
    await expect.poll(() => phaseOf(anna.page), { timeout: 15_000 }).toBe('reveal');
    await screenshot(anna.page, 'cluster-after-failover');
  });
});
