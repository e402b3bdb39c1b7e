import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, signIn } from './support.ts';

/**
 * Issue 15, item 6: the side menu in areas (each role sees only the areas it can open, a closed
 * area shows the sum of its entries' badges), the portal's menu in dropdown areas, and each role's
 * home with its own work first (a clerk's counter queue and the counts waiting for them).
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  // a fresh demo server may be slow to answer its first page: wait for it here, not in a test
  const { page, context } = await openPage(browser);
  await page.goto(`${baseUrl()}/login`, { timeout: 110_000 });
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

const GROUPS = ['front', 'approval', 'supervision', 'enterprise', 'center'] as const;

async function groupsOf(page: Page): Promise<string[]> {
  await page.getByTestId('menu-home').waitFor();
  const shown: string[] = [];
  for (const g of GROUPS) if ((await page.getByTestId(`menu-group-${g}`).count()) > 0) shown.push(g);
  return shown;
}

/** A count on the page, as the number it shows. */
async function countIn(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/\D/g, ''));
}

describe('the side menu in areas', () => {
  it('shows each role only the areas it can open, with their titles', async () => {
    const clerk = await signIn(browser, 'clerk');
    expect(await groupsOf(clerk.page)).toEqual(['front', 'approval', 'supervision', 'enterprise', 'center']);
    expect(await clerk.page.getByTestId('menu-group-approval').innerText()).toBe('审批办件');
    // an entry the clerk cannot open is not there, nor is an area
    expect(await clerk.page.getByTestId('menu-staff').count()).toBe(0);
    await clerk.context.close();

    const guide = await signIn(browser, 'guide');
    const shown = await groupsOf(guide.page);
    expect(shown).not.toContain('approval'); // no application permission: the whole area is hidden
    expect(shown).toContain('front');
    await guide.page.getByTestId('menu-reception').waitFor();
    await guide.context.close();
  });

  it('an entry is reached in its area; a closed area is open while one of its pages is shown', { timeout: 120_000 }, async () => {
    const { page, context } = await signIn(browser, 'clerk');
    await page.getByTestId('menu-applications').waitFor();
    await page.getByTestId('menu-group-approval').click(); // close 审批办件
    await page.getByTestId('menu-applications').waitFor({ state: 'hidden' });
    await page.getByTestId('menu-group-approval').click(); // open it again
    await page.getByTestId('menu-applications').click();
    await page.waitForURL(/\/applications$/);
    await page.getByTestId('new-intake').waitFor(); // the page is shown
    // 评价监督 closed; arriving at 回访 from the home page's tile opens it, leaving it closes it again
    await page.getByTestId('menu-group-supervision').click();
    await page.getByTestId('menu-callbacks').waitFor({ state: 'hidden' });
    await page.getByTestId('menu-home').click();
    await page.getByTestId('home-work-callbacks').click();
    await page.waitForURL(/\/callbacks$/);
    await page.getByTestId('menu-callbacks').waitFor();
    await page.getByTestId('menu-home').click();
    await page.getByTestId('home-work').waitFor();
    await page.getByTestId('menu-callbacks').waitFor({ state: 'hidden' });
    await context.close();
  });

  it('a closed area shows the sum of its entries’ badges', { timeout: 120_000 }, async () => {
    const { page, context } = await signIn(browser, 'manager');
    const badge = page.getByTestId('time-limit-badge');
    await badge.waitFor({ timeout: 60_000 });
    const count = Number((await badge.innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(await page.getByTestId('menu-group-badge-approval').count()).toBe(0); // open: the entry shows it
    await page.getByTestId('menu-group-approval').click();
    const sum = page.getByTestId('menu-group-badge-approval');
    await sum.waitFor();
    expect(Number((await sum.innerText()).replace(/\D/g, ''))).toBe(count);
    await page.getByTestId('menu-group-approval').click();
    await sum.waitFor({ state: 'detached' });
    await context.close();
  });
});

describe('the portal menu in areas', () => {
  it('opens an area as a dropdown and reaches its entry', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${baseUrl()}/portal`);
    expect(await page.getByRole('menuitem', { name: '预约办事' }).count()).toBe(0); // inside its closed area
    await page.getByTestId('portal-nav-service').click();
    await page.getByRole('menuitem', { name: '预约办事' }).click();
    await page.waitForURL(/\/portal\/appointments$/);
    await context.close();
  });
});

describe('each role’s home shows its own work first', () => {
  it('a clerk sees their counter’s queue and the applications and callbacks waiting for them', { timeout: 120_000 }, async () => {
    const { page, context } = await signIn(browser, 'clerk');
    const work = page.getByTestId('home-work');
    await work.waitFor();
    // my work comes before the profile card
    const [workTop, profileTop] = await Promise.all([work.boundingBox(), page.getByText('李晓彤，您好').boundingBox()]);
    expect(workTop!.y).toBeLessThan(profileTop!.y);

    await page.getByTestId('home-queue-waiting').waitFor();
    expect(await page.getByTestId('home-queue-counter').innerText()).toMatch(/^1号窗口/);
    const counters = (await (await page.request.get(`${baseUrl()}/api/queue/my-counters`)).json()) as { id: string; isHome: boolean; session: { isMine: boolean } | null }[];
    const mine = counters.find((c) => c.session?.isMine) ?? counters.find((c) => c.isHome)!;
    const bench = async () => ((await (await page.request.get(`${baseUrl()}/api/queue/counters/${mine.id}/workbench`)).json()) as { waitingTotal: number }).waitingTotal;
    await expect.poll(async () => (await countIn(page, 'home-queue-waiting')) === (await bench()), { timeout: 30_000 }).toBe(true);

    // the applications awaiting supplement: the same count as the list's
    const total = async () => ((await (await page.request.get(`${baseUrl()}/api/applications?state=awaiting_supplement&page=1&pageSize=1`)).json()) as { total: number }).total;
    await page.getByTestId('home-work-supplement').locator('.ant-statistic-content-value').waitFor();
    await expect.poll(async () => (await countIn(page, 'home-work-supplement')) === (await total()), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('home-work-callbacks').waitFor();
    await page.getByTestId('home-work-pickup').waitFor();
    // a reviewer's tile is not a clerk's
    expect(await page.getByTestId('home-work-my-review').count()).toBe(0);

    await page.getByTestId('home-work-supplement').click();
    await page.waitForURL(/\/applications$/);
    await context.close();
  });

  it('a reviewer sees their review tasks and no counter', async () => {
    const { page, context } = await signIn(browser, 'reviewer');
    await page.getByTestId('home-work-my-review').locator('.ant-statistic-content-value').waitFor();
    const mine = ((await (await page.request.get(`${baseUrl()}/api/review/queue?scope=mine`)).json()) as unknown[]).length;
    expect(await countIn(page, 'home-work-my-review')).toBe(mine);
    expect(await page.getByTestId('home-queue').count()).toBe(0);
    await page.getByTestId('home-work-my-review').click();
    await page.waitForURL(/\/review$/);
    await context.close();
  });
});
