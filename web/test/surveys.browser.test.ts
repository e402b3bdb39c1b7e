import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, signIn } from './support.ts';

/**
 * 9.1.1 on the pages: a manager writes a one-question-plus-comment survey, publishes it and sends
 * it to a demo enterprise by its credit code; the enterprise opens the link from the SMS without
 * logging in and answers; the link then refuses a second answer; the manager sees the answer in
 * the results, with the chart.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MANUFACTURING = '91440605MA4W3K7P3K';
const TITLE = `浏览器测试问卷 ${Date.now()}`;
const COMMENT = '取号等候时间比较短，点赞';

async function typeDate(page: Page, testId: string, date: string) {
  const field = page.getByTestId(testId);
  const input = (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The manager's pages, the enterprise's page and the results again: longer than one page's flow. */
const STORY_TIMEOUT_MS = 180_000;

describe('a satisfaction survey', () => {
  it('is answered once through its SMS link and shows in the results', { timeout: STORY_TIMEOUT_MS }, async () => {
    const manager = await signIn(browser, 'manager');
    const page = manager.page;
    await page.getByTestId('menu-surveys').click();
    await page.getByTestId('add-survey').click();
    await page.getByTestId('survey-title').fill(TITLE);
    await typeDate(page, 'survey-closes-on', new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('question-prompt').first().fill('对窗口服务的总体满意度');
    await page.getByTestId('add-question').click();
    const second = page.getByTestId('question-card').nth(1);
    await second.getByTestId('question-kind').click();
    await page.getByTitle('文字', { exact: true }).last().click();
    await second.getByTestId('question-prompt').fill('其他意见和建议');
    await page.getByTestId('save-survey').click();
    await page.getByTestId('survey-detail').waitFor();

    await page.getByTestId('open-survey').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId('survey-state').innerText()).toBe('调查中');
    await page.getByTestId('send-survey').click();
    await page.getByTestId('send-by').getByText('按统一社会信用代码').click();
    await page.getByTestId('send-codes').fill(MANUFACTURING);
    await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('send-result').innerText()).toContain('已向 1 家企业发送');
    await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // the link the enterprise received by SMS
    const surveyId = /\/surveys\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const [recipient] = (await (await page.request.get(`${baseUrl()}/api/surveys/${surveyId}/recipients`)).json()) as { id: string }[];
    const log = (await (await page.request.get(`${baseUrl()}/api/notifications?relatedId=${recipient!.id}`)).json()) as { items: { body: string }[] };
    const path = /\/portal\/surveys\/[A-Za-z0-9_.-]+/.exec(log.items[0]!.body)![0];

    const enterprise = await openPage(browser);
    await enterprise.page.goto(`${baseUrl()}${path}`);
    await enterprise.page.getByTestId('portal-survey').waitFor();
    expect(await enterprise.page.getByTestId('portal-survey').innerText()).toContain('佛山市南海区示例智造科技有限公司');
    // the required question left out is named before anything is sent
    await enterprise.page.getByTestId('survey-submit').click();
    await expect.poll(() => enterprise.page.getByTestId('survey-question').first().innerText()).toContain('请回答此题');
    await enterprise.page.getByTestId('survey-question').first().getByText('4 分', { exact: true }).click();
    await enterprise.page.getByTestId('survey-question').nth(1).locator('textarea').fill(COMMENT);
    await enterprise.page.getByTestId('survey-submit').click();
    await enterprise.page.getByTestId('survey-done').waitFor();
    await enterprise.page.reload();
    await expect.poll(() => enterprise.page.getByTestId('survey-refused').innerText()).toContain('只能填写一次');
    await enterprise.context.close();

    await page.reload();
    await page.getByRole('tab', { name: '调查结果' }).click();
    const results = page.getByTestId('survey-results');
    await expect.poll(() => results.getByTestId('results-answered').innerText()).toContain('1');
    expect(await results.getByTestId('results-rate').innerText()).toContain('100');
    expect(await results.getByTestId('scale-mean').innerText()).toContain('4.00');
    expect(await results.getByTestId('text-answers').innerText()).toContain(COMMENT);
    await expect.poll(() => results.getByTestId('scale-chart').locator('svg').count()).toBe(1);
    await manager.context.close();
  });
});
