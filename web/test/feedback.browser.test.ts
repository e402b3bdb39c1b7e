import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, saveDialog, signIn } from './support.ts';

/**
 * Issue 11's two stories on the pages. A new user files a confidential complaint on the portal
 * about counter 3's clerk; the clerk and the department's chief officer see the content but not
 * who; the complaint handler replies in time and the complainant rates it; an improvement raised
 * from it is re-checked by a manager who is not its owner and shows on the public page; the chief
 * officer's response rate counts it answered in time. A 办不成事 matter with two departments goes
 * from intake to solved with the enterprise's confirmation.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Each story signs in five or six people in turn: longer than one page's flow. */
const STORY_TIMEOUT_MS = 240_000;
const PHONE = '13688889999';
const CONTENT = `3 号窗口工作人员拒绝解释材料要求（浏览器测试 ${Date.now()}）`;

async function openCase(page: Page, number: string) {
  await page.goto(`${baseUrl()}/feedback`);
  await page.getByTestId('inbox-search').locator('input').fill(number);
  await page.getByTestId('inbox-search').locator('input').press('Enter');
  await page.getByTestId('case-link').filter({ hasText: number }).click();
  await page.getByTestId('case-detail').waitFor();
}

async function pick(page: Page, testId: string, text: string, title: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.getByTitle(title, { exact: true }).last().click();
}

const stateOf = (page: Page) => page.getByTestId('case-detail').locator('.ant-card-head-title .ant-tag').nth(1).innerText();

describe('a confidential complaint about counter 3', () => {
  it('goes from the portal to a rated reply, an improvement re-checked and disclosed, and the response rate', async () => {
    // 1. a new user files it on the portal
    const visitor = await openPage(browser);
    await visitor.page.goto(`${baseUrl()}/portal/feedback`);
    await visitor.page.getByTestId('portal-kind').getByText('投诉', { exact: true }).click();
    await visitor.page.getByTestId('portal-confidential').click();
    await pick(visitor.page, 'portal-counter', '3 号窗口', '3 号窗口 企业开办综合受理 3 号窗');
    await visitor.page.getByTestId('portal-content').fill(CONTENT);
    await visitor.page.getByTestId('portal-name').fill('赵女士');
    await visitor.page.getByTestId('portal-phone').fill(PHONE);
    await visitor.page.getByTestId('portal-submit').click();
    const filed = await visitor.page.getByTestId('filed-number').innerText();
    const number = /SQ\d{8}-\d{4}/.exec(filed)![0];

    // 2. the clerk complained about and the department's chief officer see the content, never who
    for (const username of ['clerk3', 'chief']) {
      const { context, page } = await signIn(browser, username);
      await openCase(page, number);
      expect(await page.getByTestId('case-content').innerText()).toBe(CONTENT);
      await page.getByTestId('identity-hidden').waitFor();
      expect(await page.getByTestId('reveal-identity').count()).toBe(0);
      const text = await page.getByTestId('case-detail').innerText();
      expect(text).not.toContain('赵女士');
      expect(text).not.toContain('9999');
      await context.close();
    }

    // 3. the complaint handler reads who (audited) and replies within the limit
    const handler = await signIn(browser, 'complaints');
    await openCase(handler.page, number);
    await handler.page.getByTestId('reveal-identity').click();
    await expect.poll(() => handler.page.getByTestId('submitter').innerText()).toContain('赵女士');
    await handler.page.getByTestId('action-reply').click();
    await handler.page.getByTestId('reply-text').fill('经核查属实，已对该窗口人员批评教育，并组织一次性告知培训。');
    await saveDialog(handler.page);
    await expect.poll(() => stateOf(handler.page)).toBe('已答复');

    // 4. the complainant follows it by number and phone and rates the reply
    await visitor.page.goto(`${baseUrl()}/portal/feedback?tab=follow`);
    await visitor.page.getByTestId('follow-number').fill(number);
    await visitor.page.getByTestId('follow-key').fill(PHONE);
    await visitor.page.getByTestId('follow-submit').click();
    await visitor.page.getByTestId('rate-satisfied').click();
    await expect.poll(() => visitor.page.getByTestId('follow-state').innerText()).toBe('已办结');
    expect(await visitor.page.getByTestId('rate-satisfied').count()).toBe(0);

    // 5. an improvement raised from it, owned by the chief officer
    await handler.page.reload();
    await handler.page.getByTestId('case-detail').waitFor();
    expect(await handler.page.getByTestId('case-satisfaction').innerText()).toBe('满意');
    const target = `一次性告知到位（${number}）`;
    await handler.page.getByTestId('raise-improvement').click();
    await handler.page.getByTestId('improvement-target').fill(target);
    await handler.page.getByTestId('improvement-measures').fill('组织综合窗口培训，每周抽查告知单');
    await pick(handler.page, 'improvement-owner', '黄国栋', '黄国栋（chief）');
    await saveDialog(handler.page);
    await expect.poll(() => handler.page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);
    await handler.context.close();

    // 6. the owner submits the result; a manager who is not the owner passes the re-check
    const chief = await signIn(browser, 'chief');
    await chief.page.getByTestId('menu-improvements').click();
    const chiefRow = chief.page.getByTestId('improvements').locator('tr', { hasText: target });
    await chiefRow.getByTestId('submit-improvement').click();
    await chief.page.getByTestId('improvement-result').fill('已完成 2 期培训，抽查告知单完整');
    await saveDialog(chief.page);
    await expect.poll(() => chiefRow.getByTestId('improvement-state').innerText()).toBe('待复查');
    expect(await chiefRow.getByTestId('recheck-improvement').count()).toBe(0);

    const manager = await signIn(browser, 'manager');
    await manager.page.getByTestId('menu-improvements').click();
    const managerRow = manager.page.getByTestId('improvements').locator('tr', { hasText: target });
    await managerRow.getByTestId('recheck-improvement').click();
    await manager.page.getByTestId('recheck-outcome').getByText('通过', { exact: true }).click();
    await manager.page.getByTestId('recheck-note').fill('抽查属实');
    await saveDialog(manager.page);
    await expect.poll(() => managerRow.getByTestId('improvement-state').innerText()).toBe('复查通过');
    await manager.context.close();

    // 7. the public improvements page shows it, without names
    await visitor.page.goto(`${baseUrl()}/portal/improvements`);
    const item = visitor.page.getByTestId('public-improvements').locator('.ant-list-item', { hasText: target });
    await expect.poll(() => item.innerText()).toContain('复查通过');
    expect(await visitor.page.getByTestId('public-improvements').innerText()).not.toContain('黄国栋');
    await visitor.context.close();

    // 8. the chief officer's response rate: the department's, with the complaint answered in time (not among those below 100 %)
    await chief.page.getByTestId('menu-feedback-figures').click();
    const departments = chief.page.getByTestId('response-rate-departments');
    await expect.poll(() => departments.innerText()).toContain('市场监督管理局');
    const below = chief.page.getByTestId('response-rate-below');
    if (await below.count()) expect(await below.innerText()).not.toContain(number);
    await chief.page.getByTestId('menu-feedback').click();
    await openCase(chief.page, number);
    await expect.poll(() => chief.page.getByTestId('case-detail').innerText()).toContain('按时答复');
    await chief.context.close();
  }, STORY_TIMEOUT_MS);
});

describe('a 办不成事 matter with two departments', () => {
  it('goes from the desk to solved with the enterprise confirming on the portal', async () => {
    const desk = await signIn(browser, 'clerk17');
    await desk.page.getByTestId('menu-unresolved-desk').click();
    await desk.page.getByTestId('file-unresolved').click();
    await pick(desk.page, 'intake-cause', '部门意见不一', '部门意见不一');
    await desk.page.getByTestId('intake-content').fill('食品企业迁址：环评与许可先后顺序两部门意见不一（浏览器测试）');
    await desk.page.getByTestId('intake-uscc').fill('91440605MA4W3K7P3K');
    await desk.page.getByTestId('intake-phone').fill('13577776666');
    await saveDialog(desk.page);
    await desk.page.getByTestId('case-detail').waitFor();
    const title = await desk.page.getByTestId('case-detail').locator('.ant-card-head-title').first().innerText();
    const number = /SQ\d{8}-\d{4}/.exec(title)![0];
    const caseUrl = desk.page.url();

    await desk.page.getByTestId('action-tasks').click();
    await pick(desk.page, 'task-departments', '市场监督', '市场监督管理局');
    await desk.page.keyboard.press('Escape');
    await pick(desk.page, 'task-departments', '生态环境', '生态环境局');
    await desk.page.getByTestId('task-request').fill('请研究能否并行办理并书面反馈');
    await saveDialog(desk.page);
    await expect.poll(() => desk.page.getByTestId('case-tasks').innerText()).toContain('生态环境局');

    // each department answers its task: the market department's chief officer, and the manager for the other
    for (const [username, department] of [['chief', '市场监督管理局'], ['manager', '生态环境局']] as const) {
      const s = await signIn(browser, username);
      await s.page.goto(caseUrl);
      await s.page.getByTestId(`answer-task-${department}`).click();
      await s.page.getByTestId('task-answer').fill('同意并行办理');
      await saveDialog(s.page);
      await expect.poll(() => s.page.getByTestId(`answer-task-${department}`).count()).toBe(0);
      await s.context.close();
    }

    await desk.page.reload();
    await desk.page.getByTestId('action-reply').click();
    await desk.page.getByTestId('reply-outcome').getByText('已解决', { exact: true }).click();
    await desk.page.getByTestId('reply-text').fill('两部门同意并行办理，已受理许可申请');
    await saveDialog(desk.page);
    await expect.poll(() => desk.page.getByTestId('confirmation').innerText()).toBe('企业尚未确认');

    const enterprise = await openPage(browser);
    await enterprise.page.goto(`${baseUrl()}/portal/feedback?tab=follow`);
    await enterprise.page.getByTestId('follow-number').fill(number);
    await enterprise.page.getByTestId('follow-key').fill('91440605MA4W3K7P3K');
    await enterprise.page.getByTestId('follow-submit').click();
    await enterprise.page.getByTestId('confirm-solved').click();
    await expect.poll(() => enterprise.page.getByTestId('follow-state').innerText()).toBe('已办结');
    await enterprise.context.close();

    await desk.page.reload();
    await expect.poll(() => desk.page.getByTestId('confirmation').innerText()).toBe('企业已确认解决');
    expect(await stateOf(desk.page)).toBe('已办结');
    await desk.page.getByTestId('menu-unresolved-desk').click();
    await expect.poll(() => desk.page.getByTestId('unresolved-ledger').innerText()).toContain(number);
    await desk.context.close();
  }, STORY_TIMEOUT_MS);
});
