import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, logIn, openPage, type Session } from './support.ts';

/**
 * 一类事 (6.3.6), issue 14 item 5: a provider registered by the policy officer is approved by the
 * center manager on the scenarios page and so appears in a published scenario on the portal; the
 * enterprise opens the scenario and asks for a referral (我要对接); the officer records the outcome
 * (已服务); the enterprise rates the provider, and the provider's figures show it.
 */
const CATERING = '91440605MA51XQ2D77';
const PROVIDER_USCC = '9144060581234567XD';
/** how long an expectation on the page waits (the machine may be busy) */
const WAIT = { timeout: 60_000, interval: 250 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function slowPage(): Promise<Session> {
  const session = await openPage(browser);
  session.page.setDefaultTimeout(90_000);
  return session;
}

async function post(request: APIRequestContext, path: string, data: object, method: 'post' | 'put' = 'post'): Promise<{ id: string; version: number }> {
  const res = await request[method](`${baseUrl()}${path}`, { data });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { id: string; version: number };
}

describe('一类事', () => {
  it('the manager approves a provider, the enterprise asks for a referral on the portal, staff record it served, the enterprise rates', async () => {
    const suffix = Date.now() % 100000;
    const providerName = `佛山市南海区博才人力资源有限公司${suffix}`;
    const title = `人才招聘一类事 ${suffix}`;
    const need = `招聘 8 名数控操作工 ${suffix}`;

    // the policy officer registers the provider (pending)
    const officer = await slowPage();
    await logIn(officer.page, 'policy');
    const provider = await post(officer.context.request, '/api/scenario-providers', { name: providerName, kind: 'human_resources', uscc: PROVIDER_USCC, contactName: '周敏', servicePhone: '0757-86990011', services: '招聘对接、社保代理' });

    // the center manager approves it on the scenarios page
    const manager = await slowPage();
    await logIn(manager.page, 'manager');
    await manager.page.getByTestId('menu-scenarios').click();
    const row = manager.page.getByTestId('provider-row').filter({ hasText: providerName });
    await expect.poll(() => row.getByTestId('provider-state').innerText(), WAIT).toBe('申请');
    await row.getByTestId('provider-approve').click();
    await manager.page.getByRole('dialog').getByTestId('decision-note').fill('资质齐全');
    await manager.page.getByRole('dialog').getByRole('button', { name: /审核通过/ }).click();
    await expect.poll(() => row.getByTestId('provider-state').innerText(), WAIT).toBe('已审核通过');

    // approved, it can join a published scenario (made through the API: the editor is not what is tested here)
    await post(officer.context.request, '/api/scenarios', { title, description: '员工招聘与人力资源服务', entries: [{ kind: 'bundle', code: 'NH-YJS-004' }], serviceKinds: ['human_resources'], providerIds: [provider.id], published: true });

    // the enterprise opens the scenario on the portal and asks for a referral
    const { page } = await slowPage();
    await page.goto(`${baseUrl()}/portal/login`);
    await page.getByTestId('portal-uscc').fill(CATERING);
    await page.getByTestId('portal-password').fill(DEMO_PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal\/account/);
    await page.getByTestId('portal-nav-policy').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('menuitem', { name: '一类事', exact: true }).click();
    const card = page.getByTestId('portal-scenario').filter({ hasText: title });
    await expect.poll(() => card.getByTestId('scenario-entry').first().innerText(), WAIT).toContain('员工招聘一件事');
    const item = card.getByTestId('scenario-provider').filter({ hasText: providerName });
    await item.getByTestId('refer-provider').click();
    await page.getByRole('dialog').getByTestId('refer-need').fill(need);
    await page.getByRole('dialog').getByRole('button', { name: /我要对接/ }).click();
    await page.waitForURL(/\/portal\/my-scenario-referrals/);
    const mine = page.getByTestId('own-referral').filter({ hasText: need });
    await expect.poll(() => mine.getByTestId('own-referral-outcome').innerText(), WAIT).toBe('对接中');
    expect(await mine.getByTestId('rate-referral').count()).toBe(0);

    // the officer records the outcome: served
    await officer.page.goto(`${baseUrl()}/scenarios?tab=referrals`);
    const referral = officer.page.getByTestId('referral-row').filter({ hasText: need });
    await expect.poll(() => referral.getByTestId('referral-outcome').innerText(), WAIT).toBe('对接中');
    expect(await referral.getByTestId('referral-enterprise').innerText()).toBe('佛山市南海区示例餐饮管理有限公司');
    await referral.getByTestId('record-outcome').click();
    await officer.page.getByRole('dialog').getByTestId('outcome-note').fill('已推荐 10 名候选人，企业录用 8 人');
    await officer.page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => referral.getByTestId('referral-outcome').innerText(), WAIT).toBe('已服务');

    // the enterprise rates the provider, once
    await page.reload();
    await expect.poll(() => mine.getByTestId('own-referral-outcome').innerText(), WAIT).toBe('已服务');
    await mine.getByTestId('rate-referral').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-rate-star').nth(3).click();
    await dialog.getByTestId('rating-comment').fill('推荐的候选人很合适');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => mine.getByTestId('own-referral-rating').innerText(), WAIT).toContain('您的评价：4 分');
    expect(await mine.getByTestId('rate-referral').count()).toBe(0);

    // the provider's figures on the manager's page, and the rating beside the referral
    await manager.page.reload();
    await expect.poll(() => row.getByTestId('provider-figures').innerText(), WAIT).toBe('1 / 1 / 4 分（1 条）');
    await officer.page.reload();
    await expect.poll(() => referral.getByTestId('referral-rating').innerText(), WAIT).toContain('4 分');
  }, 300_000);
});
