import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, saveDialog, signIn } from './support.ts';

/**
 * 时限预警 (A.7) on the pages: the center manager — whose menu shows the time-limit badge — sees
 * the warnings and overdue applications raised to them, opens one and supervises it (督办); the
 * market regulation chief officer replies to that supervision; the manager sees it replied.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REQUEST = `请于期限内办结并说明超期原因（浏览器测试 ${Date.now()}）`;

describe('time-limit warnings and supervision', () => {
  it('the manager sees warned and overdue applications and supervises one; the chief officer replies', { timeout: 300_000 }, async () => {
    const manager = await signIn(browser, 'manager');
    await manager.page.getByTestId('time-limit-badge').waitFor({ timeout: 60_000 });
    await manager.page.getByTestId('menu-time-limits').click();
    await manager.page.getByTestId('time-limit-notice').waitFor();
    const notices = manager.page.getByTestId('time-limit-notices');
    await notices.getByText('时限预警', { exact: true }).first().waitFor({ timeout: 60_000 });
    await notices.getByText('已超期', { exact: true }).first().waitFor();
    expect(await manager.page.getByTestId('time-limit-figures').getByText('市场监督管理局').count()).toBe(1);

    // An overdue application of 市场监督管理局 (the department with a chief officer) without an open supervision.
    const overdue = notices.locator('tr', { hasText: '已超期' }).filter({ hasText: '市场监督管理局' });
    const hrefs = await overdue.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    let isSupervised = false;
    for (const href of hrefs) {
      await manager.page.goto(`${baseUrl()}${href}`);
      const panel = manager.page.getByTestId('time-limit-panel');
      await panel.waitFor();
      await panel.getByText('已超期').first().waitFor();
      if ((await manager.page.getByTestId('open-supervision').count()) === 0) continue;
      await manager.page.getByTestId('open-supervision').click();
      await manager.page.getByTestId('supervision-request').fill(REQUEST);
      await saveDialog(manager.page);
      await manager.page.getByRole('dialog').waitFor({ state: 'detached' });
      await panel.getByTestId('supervisions').getByText(REQUEST).waitFor();
      expect(await panel.getByTestId('supervisions').getByText('待答复').count()).toBe(1);
      isSupervised = true;
      break;
    }
    expect(isSupervised).toBe(true);

    const chief = await signIn(browser, 'chief');
    await chief.page.getByTestId('menu-time-limits').click();
    const row = chief.page.getByTestId('supervisions').locator('tr', { hasText: REQUEST });
    await row.getByTestId('reply-supervision').click();
    await chief.page.getByTestId('supervision-reply').fill('已督促审查人员，两个工作日内作出决定。');
    await saveDialog(chief.page);
    await expect.poll(() => row.getByTestId('reply-supervision').count()).toBe(0);
    expect(await row.innerText()).toContain('已答复');
    await chief.context.close();

    await manager.page.goto(`${baseUrl()}/time-limits`);
    await manager.page.getByTestId('supervisions').locator('tr', { hasText: REQUEST }).getByText('已答复').waitFor();
    await manager.context.close();
  });
});
