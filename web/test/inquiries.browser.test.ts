import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, saveDialog, signIn } from './support.ts';

/**
 * 首问、首办 on the pages: a counter clerk records an inquiry and transfers it to 市场监督管理局;
 * the department's chief officer — whose menu shows the violations flagged to them — receives and
 * answers it, then records the handling of a violation on the ledger.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SUBJECT = `申请食品生产许可，窗口不受理（浏览器测试 ${Date.now()}）`;

describe('a first inquiry transferred to a department', () => {
  it('is received and answered there; the chief officer handles a flagged violation', { timeout: 300_000 }, async () => {
    const clerk = await signIn(browser, 'clerk');
    await clerk.page.goto(`${baseUrl()}/inquiries`);
    await clerk.page.getByTestId('record-inquiry').click();
    await clerk.page.getByTestId('inquiry-subject').fill(SUBJECT);
    await clerk.page.getByTestId('inquiry-outcome').getByText('移交部门或人员', { exact: true }).click();
    await clerk.page.getByTestId('inquiry-department').click();
    await clerk.page.keyboard.type('市场监督');
    await clerk.page.getByTitle('市场监督管理局', { exact: true }).last().click();
    await saveDialog(clerk.page);
    // a fresh demo server runs its first jobs on the embedded database: the first save may wait
    await clerk.page.getByRole('dialog').waitFor({ state: 'detached', timeout: 90_000 });
    const mine = clerk.page.getByTestId('inquiries').locator('tr', { hasText: SUBJECT });
    await mine.waitFor({ timeout: 60_000 });
    expect(await mine.getByTestId('inquiry-state').innerText()).toBe('待接收');
    await clerk.context.close();

    const chief = await signIn(browser, 'chief');
    await chief.page.getByTestId('violation-badge').waitFor();
    await chief.page.goto(`${baseUrl()}/inquiries`);
    await chief.page.getByTestId('inquiry-box').getByText('移交给我的').click();
    const row = chief.page.getByTestId('inquiries').locator('tr', { hasText: SUBJECT });
    await row.getByTestId('receive-inquiry').click();
    await chief.page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => row.getByTestId('inquiry-state').innerText()).toBe('待答复');
    await row.getByTestId('reply-inquiry').click();
    await chief.page.getByTestId('inquiry-reply-text').fill('请到 7–9 号经营许可窗口申请，已电话告知企业。');
    await saveDialog(chief.page);
    await chief.page.getByTestId('inquiry-box').getByText('我登记的').click();
    await chief.page.getByTestId('inquiry-box').getByText('移交给我的').click();
    await expect.poll(() => row.count()).toBe(0);

    await chief.page.goto(`${baseUrl()}/inquiry-violations`);
    await chief.page.getByTestId('violation-notice').waitFor();
    const open = chief.page.getByTestId('handle-violation');
    // the notice comes from the side menu's cached badge; the ledger itself is still loading
    await expect.poll(() => open.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await open.count();
    await open.first().click();
    await chief.page.getByTestId('violation-handling').getByText('谈话教育').click();
    await chief.page.getByTestId('violation-note').fill('经核查属实，已谈话提醒限时答复须当日跟进。');
    await saveDialog(chief.page);
    await expect.poll(() => chief.page.getByTestId('handle-violation').count()).toBe(before - 1);
    await chief.context.close();
  });
});
