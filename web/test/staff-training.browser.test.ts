import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, saveDialog, signIn } from './support.ts';

/**
 * 上岗资格 (5.2, issue 13 item 5): the demo's clerk11 (林思远) of delivery counter 11, whose
 * 综合出件上岗证 lapsed a week ago, is refused at the workbench with the message naming it; the
 * manager sees it on the home page and in the expiring list, records the renewed certificate, and
 * the clerk then opens the counter.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a counter that demands a qualification', () => {
  it('refuses the clerk whose certificate lapsed, and opens for them once the manager records a new one', async () => {
    const clerk = await signIn(browser, 'clerk11');
    await clerk.page.goto(`${baseUrl()}/workbench`);
    await clerk.page.getByTestId('session-state').waitFor();
    expect(await clerk.page.getByTestId('workbench-counter').innerText()).toContain('11 号窗口');
    await clerk.page.getByTestId('session-open').click();
    const refusal = clerk.page.locator('.ant-message-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('缺少有效的「综合出件上岗证」（已于');
    expect(await refusal.innerText()).toContain('过期）');
    expect(await clerk.page.getByTestId('session-state').innerText()).toContain('未开启');

    const manager = await signIn(browser, 'manager');
    const notice = manager.page.getByTestId('home-expiring-certificates');
    await notice.waitFor();
    await notice.getByRole('link').click();
    const expiring = manager.page.getByTestId('expiring-certificates');
    const row = expiring.locator('tr', { hasText: '林思远' });
    await row.waitFor();
    expect(await row.innerText()).toContain('已过期');
    await row.getByTestId('certificate-renew').click();
    const dialog = manager.page.getByRole('dialog');
    await dialog.getByTestId('certificate-number').fill('CJ-2026-0211');
    expect(await dialog.getByTestId('certificate-kind').locator('input').inputValue()).toBe('综合出件上岗证');
    const expires = dialog.getByLabel('有效期至');
    await expires.click();
    await expires.fill(`${new Date().getFullYear() + 2}-12-31`);
    await expires.press('Enter');
    await expect.poll(() => expires.inputValue()).toBe(`${new Date().getFullYear() + 2}-12-31`);
    await saveDialog(manager.page);
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => expiring.locator('tr', { hasText: '林思远' }).count()).toBe(0);
    const all = manager.page.getByTestId('certificates');
    await all.locator('tr', { hasText: 'CJ-2026-0211' }).waitFor();

    await clerk.page.getByTestId('session-open').click();
    await expect.poll(() => clerk.page.getByTestId('session-state').innerText()).toContain('服务中');
    await clerk.context.close();
    await manager.context.close();
  });
});
