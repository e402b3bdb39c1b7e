import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, signIn } from './support.ts';

/**
 * Two administrators (issue 18, 13): one asks to give the talent officer the auditor role; the change waits
 * on 人员管理 until the other approves it there, and only then does the talent officer hold the role.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a change one administrator may not make alone', () => {
  it('waits for the second administrator, who approves it on the staff page', async () => {
    const first = await browser.newContext();
    expect((await first.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'admin2', password: DEMO_PASSWORD } })).ok()).toBe(true);
    const talent = ((await (await first.request.get(`${baseUrl()}/api/staff?q=talent`)).json()) as { id: string; username: string; version: number; roles: string[] }[]).find((s) => s.username === 'talent')!;
    const asked = await first.request.patch(`${baseUrl()}/api/staff/${talent.id}`, { data: { version: talent.version, roles: [...talent.roles, 'auditor'] } });
    expect(asked.status()).toBe(202);
    const approvalId = ((await asked.json()) as { id: string }).id;

    const { context, page } = await signIn(browser, 'admin');
    await page.goto(`${baseUrl()}/staff`);
    const card = page.getByTestId('staff-approvals');
    const row = card.locator('tr', { hasText: '授予管理员或审计员角色' });
    await row.getByText('待批准').waitFor();
    expect(await row.innerText()).toContain('郭海峰（admin2）');
    await page.getByTestId(`approve-${approvalId}`).click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已批准，变更已生效').waitFor();
    await row.getByText('已批准').waitFor();
    const after = ((await (await first.request.get(`${baseUrl()}/api/staff?q=talent`)).json()) as { username: string; roles: string[] }[]).find((s) => s.username === 'talent')!;
    expect(after.roles).toContain('auditor');
    await context.close();
    await first.close();
  });
});
