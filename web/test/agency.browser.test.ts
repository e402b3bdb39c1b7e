import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, CONTEXT, DEMO_PASSWORD, launchBrowser, logIn, saveDialog, seriousViolations } from './support.ts';

/**
 * Issue 13, item 1 — 帮办代办, the story of "Done when": an enterprise asks on the portal for
 * 帮办代办 of 食品经营许可; the agent (周建华) accepts, records the agreement and the material
 * received, files the application for the enterprise (the applications module names the agent),
 * hands back the material and the result; the enterprise confirms; the follow-up is recorded.
 */
const CATERING = '91440605MA51XQ2D77';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForState(page: Page, label: string): Promise<void> {
  await page.waitForFunction(
    (text) => Array.from(document.querySelectorAll('[data-testid="agency-state"]')).some((e) => e.textContent === text),
    label,
  );
}

describe('帮办代办', () => {
  it('takes 食品经营许可 from the portal request to the follow-up', async () => {
    // the enterprise asks from the published list
    // axe is injected as a script, so these contexts bypass the app's Content-Security-Policy
    const portal = await (await browser.newContext({ ...CONTEXT, bypassCSP: true })).newPage();
    await portal.goto(`${baseUrl()}/portal/login`);
    await portal.getByTestId('portal-uscc').fill(CATERING);
    await portal.getByTestId('portal-password').fill(DEMO_PASSWORD);
    await portal.getByTestId('portal-login-submit').click();
    await portal.waitForURL(/\/portal\/account/);
    await portal.goto(`${baseUrl()}/portal/agency`);
    const item = portal.locator('[data-testid="portal-agency-item"][data-name="食品经营许可"]');
    await item.waitFor();
    expect(await seriousViolations(portal)).toEqual([]);
    await item.getByTestId('portal-agency-ask').click();
    await portal.waitForURL(/\/portal\/my-agency\?item=/);
    await portal.getByTestId('portal-agency-contact').fill('陈志明');
    await portal.getByTestId('portal-agency-phone').fill('13800138000');
    await portal.getByTestId('portal-agency-matter').fill('新门店办理食品经营许可');
    expect(await portal.getByRole('dialog').getByText('食品经营许可').count()).toBeGreaterThan(0);
    await saveDialog(portal);
    const own = portal.getByTestId('portal-agency-request').first();
    await own.getByText('待受理').waitFor();
    const number = (await own.getAttribute('data-number'))!;
    expect(number).toMatch(/^DB-\d{4}-\d{6}$/);

    // the agent finds it and accepts
    const page = await (await browser.newContext({ ...CONTEXT, bypassCSP: true })).newPage();
    await logIn(page, 'agent');
    await page.getByTestId('agency-home').waitFor();
    await page.goto(`${baseUrl()}/agency`);
    await page.getByTestId('agency-search').locator('input').fill(number);
    await page.getByTestId('agency-search').locator('input').press('Enter');
    await page.getByRole('link', { name: number }).click();
    await page.getByTestId('agency-number').waitFor();
    expect(await page.getByTestId('agency-number').innerText()).toBe(number);
    await page.getByTestId('agency-action-accept').click();
    await waitForState(page, '已受理');
    expect(await page.getByTestId('agency-agent').innerText()).toBe('周建华');

    // the agreement, signed by the enterprise
    await page.getByTestId('agency-action-sign').click();
    await page.getByTestId('agency-scope').fill('代为核对材料、提交食品经营许可申请、跟踪办理并代领许可证');
    await page.getByTestId('agency-signer').fill('陈志明');
    await page.getByTestId('agency-signer-id').fill('440605198502143216');
    await page.getByTestId('agency-signed').check();
    await saveDialog(page);
    await waitForState(page, '已签协议');
    expect(await page.getByTestId('agency-agreement-pdf').innerText()).toContain(`${number}-XY`);

    // the material handed over
    await page.getByTestId('agency-action-receive_material').click();
    await page.getByTestId('agency-material-name').fill('营业执照副本');
    await saveDialog(page);
    await page.getByTestId('agency-material-return').waitFor();

    // the application filed for the enterprise, as at the counter
    await page.getByTestId('agency-action-file_application').click();
    await page.getByTestId('agency-question-prepackaged_only').locator('input[value="no"]').check();
    await page.getByTestId('agency-question-online_sales').locator('input[value="no"]').check();
    await page.getByTestId('agency-file-phone').fill('13800138000');
    await page.locator('#agency-file-submit').click();
    await waitForState(page, '代办中');
    await page.getByTestId('agency-application-link').click();
    await page.getByTestId('application-agency-staff').waitFor();
    expect(await page.getByTestId('application-agency-staff').innerText()).toBe('周建华');
    await page.goBack();

    // the material back with the enterprise, then the result
    await page.getByTestId('agency-material-return').click();
    await page.getByTestId('agency-material-returned').waitFor();
    await page.getByTestId('agency-action-finish').click();
    await page.getByTestId('agency-result').fill('已取得食品经营许可证，许可证及材料已交企业');
    await saveDialog(page);
    await waitForState(page, '已办结');

    // the enterprise reads the agreement and confirms
    await portal.goto(`${baseUrl()}/portal/my-agency`);
    const done = portal.locator(`[data-testid="portal-agency-request"][data-number="${number}"]`);
    await done.getByTestId('portal-agency-confirm').click();
    await done.getByText('企业已确认').waitFor();
    expect(await seriousViolations(portal)).toEqual([]);
    const href = (await done.getByTestId('portal-agency-agreement').getAttribute('href'))!;
    const pdf = await portal.context().request.get(`${baseUrl()}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // the follow-up visit
    await page.reload();
    await waitForState(page, '企业已确认');
    await page.getByTestId('agency-action-follow_up').click();
    await page.getByTestId('agency-follow-note').fill('电话回访：企业对代办服务满意');
    await saveDialog(page);
    await waitForState(page, '已回访');
    const actions = await page.getByTestId('agency-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['request', 'accept', 'sign', 'receive_material', 'file_application', 'return_material', 'finish', 'confirm', 'follow_up']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the high-frequency list at the agency counter, with the request for the visitor in hand', async () => {
    const context = await browser.newContext(CONTEXT);
    const page = await context.newPage();
    await logIn(page, 'agent');
    await page.goto(`${baseUrl()}/workbench`);
    const card = page.getByTestId('agency-counter-card');
    await card.waitFor();
    await card.getByTestId('agency-counter-item').first().waitFor();
    expect(await card.getByTestId('agency-counter-item').count()).toBeGreaterThan(0);
    await card.getByTestId('agency-counter-create').click();
    // taken at the counter, for the ticket in hand
    await page.getByRole('dialog').getByText('窗口').first().waitFor();
    expect(await page.getByRole('dialog').getByRole('checkbox').isChecked()).toBe(true);
    await context.close();
  });

  it('lists on a key project the requests taken for it, each linking back to the project', async () => {
    const context = await browser.newContext(CONTEXT);
    const page = await context.newPage();
    await logIn(page, 'agent');
    await page.goto(`${baseUrl()}/agency-projects`);
    const project = page.locator('[data-testid="agency-project"][data-name="示例智造新厂房建设项目"]');
    await project.getByTestId('agency-project-request').first().waitFor();
    expect(await project.getByTestId('agency-project-request').count()).toBeGreaterThanOrEqual(3);
    await project.getByTestId('agency-project-request').first().getByRole('link').click();
    await expect.poll(() => page.getByTestId('agency-request-project').textContent()).toBe('示例智造新厂房建设项目');
    await context.close();
  });
});
