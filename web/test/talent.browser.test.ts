import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextOptions, DEMO_PASSWORD, LAPTOP, launchBrowser, saveDialog } from './support.ts';

/**
 * 企业人才服务 (issue 13, item 3): a talent officer of their own on counter 15 (企业人才服务窗口)
 * sees their day first on the home page, registers a talent with the certificate uploaded and
 * verifies it, opens a housing-subsidy request and follows it to done, and takes in a talent item
 * (人才住房补贴申请) from the visitor served at the talent counter.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
let officerApi: APIRequestContext;
const stamp = Date.now().toString(36);
const username = `talent${stamp}`;
const FIRST_PASSWORD = 'Start2026abc';
const password = 'Talent2026ab';
const CATERING = '91440605MA51XQ2D77';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const TALENT_NAME = `麦博士${stamp.slice(-3)}`;

/** A resident ID number of this run (GB 11643 check character). */
function residentId(): string {
  const serial = String(Date.now() % 1000).padStart(3, '0');
  const first17 = `44060519860514${serial}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await browser.newContext(contextOptions(LAPTOP));
  await json(await admin.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } }));
  const centers = await json<{ id: string; name: string }[]>(await admin.request.get(`${baseUrl()}/api/centers`));
  const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const counters = await json<{ id: string; number: string }[]>(await admin.request.get(`${baseUrl()}/api/centers/${centerId}/counters`));
  const counter15 = counters.find((c) => c.number === '15')!.id;
  await json(await admin.request.post(`${baseUrl()}/api/staff`, { data: { username, displayName: '人才专员甲', password: FIRST_PASSWORD, roles: ['talent_officer'], centerId, counterId: counter15 } }));
  await admin.close();

  context = await browser.newContext(contextOptions(LAPTOP));
  officerApi = context.request;
  await json(await officerApi.post(`${baseUrl()}/api/auth/login`, { data: { username, password: FIRST_PASSWORD } }));
  await json(await officerApi.post(`${baseUrl()}/api/auth/password`, { data: { currentPassword: FIRST_PASSWORD, newPassword: password } }));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Picks an option of an antd Select by typing, then clicking the option with that title. */
async function choose(testId: string, typed: string, title: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: title }).first().click();
}

describe('the talent officer', () => {
  it('sees the talent service first on the home page, with the requests due', async () => {
    await page.goto(`${baseUrl()}/`);
    const card = page.getByTestId('talent-home');
    await card.waitFor();
    // the demo's overdue request (急需紧缺人才 housing subsidy, coordinating) is due
    await card.getByText('冯晓敏').waitFor();
    expect(await card.getByText('已逾期').count()).toBeGreaterThan(0);
    await page.getByTestId('menu-talent').waitFor();
  });

  it('registers a talent with the certificate and verifies the profile', async () => {
    await page.getByTestId('menu-talent').click();
    await page.getByTestId('tab-profiles').click();
    await page.getByTestId('add-profile').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('profile-person-name').fill(TALENT_NAME);
    await dialog.getByTestId('profile-id-number').fill(residentId());
    await dialog.getByTestId('profile-uscc').fill(CATERING);
    await page.getByTestId('profile-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '高层次人才 B 类' }).click();
    await dialog.getByTestId('profile-document-title').fill('佛山市高层次人才认定证书（B 类）');
    await dialog.locator('input[type=file]').setInputFiles({ name: '人才认定证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => dialog.getByTestId('profile-document-name').innerText()).toContain('人才认定证书.pdf');
    const year = new Date().getFullYear();
    await dialog.getByPlaceholder('开始日期').click();
    await dialog.getByPlaceholder('开始日期').fill(`${year - 1}-01-01`);
    await dialog.getByPlaceholder('开始日期').press('Enter');
    await dialog.getByPlaceholder('结束日期').fill(`${year + 2}-12-31`);
    await dialog.getByPlaceholder('结束日期').press('Enter');
    await expect.poll(() => dialog.getByPlaceholder('结束日期').inputValue()).toBe(`${year + 2}-12-31`);
    // the date panel closed before saving
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    await saveDialog(page);
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('profiles').locator('tr').filter({ hasText: TALENT_NAME });
    await row.getByText('待核验').waitFor();
    expect(await row.innerText()).toContain('佛山市南海区示例餐饮管理有限公司');
    await row.getByTestId('verify-profile').click();
    await row.getByText('已核验').waitFor();
  });

  it('opens a housing-subsidy request and follows it to done', async () => {
    await page.getByTestId('tab-requests').click();
    await page.getByTestId('add-request').click();
    await choose('request-profile', TALENT_NAME, TALENT_NAME);
    await choose('request-kind', '住房', '住房补贴');
    await page.getByTestId('request-summary').fill('申请高层次人才租房补贴（浏览器测试）');
    await saveDialog(page);
    await page.getByTestId('talent-request').waitFor();
    const state = () => page.getByTestId('request-detail-state').innerText();
    expect(await state()).toBe('已提交');

    await page.getByTestId('step-accept').click();
    await page.getByRole('dialog').getByTestId('step-note-text').fill('材料齐全');
    await saveDialog(page);
    await expect.poll(state).toBe('已受理');

    await page.getByTestId('step-coordinate').click();
    await choose('step-department', '人力资源', '人力资源和社会保障局');
    await page.getByRole('dialog').getByTestId('step-note-text').fill('转人社局审核补贴资格');
    await saveDialog(page);
    await expect.poll(state).toBe('协调部门中');

    await page.getByTestId('step-complete').click();
    await page.getByRole('dialog').getByTestId('step-note-text').fill('补贴已核定发放');
    await saveDialog(page);
    await expect.poll(state).toBe('已办结');
    const steps = page.getByTestId('request-steps');
    expect(await steps.locator('.ant-timeline-item').count()).toBe(4);
    expect(await steps.innerText()).toContain('转人社局审核补贴资格');
    expect(await page.getByTestId('step-decline').count()).toBe(0);
  });

  it('takes in a talent item from the visitor served at the talent counter', async () => {
    await page.getByTestId('menu-workbench').click();
    await page.getByTestId('session-state').waitFor();
    expect(await page.getByTestId('workbench-counter').innerText()).toContain('15 号窗口');
    if (!(await page.getByTestId('session-state').innerText()).includes('服务中')) await page.getByTestId('session-open').click();
    await expect.poll(() => page.getByTestId('session-state').innerText()).toContain('服务中');
    await page.getByTestId('walk-in').click();
    await page.getByRole('dialog').getByRole('button', { name: '开始办理' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const number = await page.getByTestId('current-number').innerText();

    await page.getByTestId('menu-applications').click();
    await page.getByTestId('new-intake').click();
    // the ticket in hand is offered and ticked
    await page.getByText(number).first().waitFor();
    await expect.poll(() => page.getByTestId('from-ticket').isChecked()).toBe(true);
    await page.getByTestId('intake-code').click();
    await page.keyboard.type('人才住房补贴');
    await page.getByTitle('人才住房补贴申请（NH-RS-006）').click();
    await page.getByTestId('intake-uscc').fill(CATERING);
    await page.getByTestId('intake-phone').fill('13800138000');
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('application-detail').waitFor();
    const detail = await page.getByTestId('application-detail').innerText();
    expect(detail).toContain('人才住房补贴申请');
    expect(detail).toContain('人才专员甲');
  });
});
