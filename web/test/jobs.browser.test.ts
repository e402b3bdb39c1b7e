import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn } from './support.ts';

/**
 * The administrator's 任务运行记录: the server's jobs with their schedules, a run asked for by
 * hand that the server's own scheduler (here on the embedded database) carries out and records.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await signIn(browser, 'admin'));
});

afterAll(async () => {
  await browser?.close();
});

describe('job runs page', () => {
  it('lists the jobs, runs one on request and shows the run', async () => {
    await page.getByTestId('menu-jobs').click();
    const jobs = page.locator('.ant-card').filter({ hasText: '定时任务' });
    await jobs.getByText('日终关闭前一日未结束的排队号和窗口').waitFor();
    const text = await jobs.innerText();
    for (const label of ['发送待办消息（短信等）', '预约前一日提醒', '逾期未评价记为默认评价']) expect(text).toContain(label);
    expect(text).toContain('1 0 * * *');

    await page.getByTestId('run-queue.day-end').click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已请求运行，稍后刷新查看结果').waitFor();

    const runs = page.locator('.ant-card').filter({ hasText: '运行记录' });
    const row = runs.locator('tr').filter({ hasText: 'queue.day-end' }).filter({ hasText: '手动' });
    for (let i = 0; i < 40 && !(await row.filter({ hasText: '成功' }).count()); i++) {
      await page.getByTestId('jobs-refresh').click();
      await page.waitForTimeout(500);
    }
    expect(await row.filter({ hasText: '成功' }).count()).toBe(1);
  });
});
