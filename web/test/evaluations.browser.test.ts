import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, saveDialog, signIn } from './support.ts';

/**
 * Issue 8, end to end on the demo: a new user is served at counter 1 and rates the visit 不满意 on
 * the counter's evaluator with a tag and a comment; the department's chief officer sees the
 * callback, records the call, finds the review founded, records the rectification and the
 * applicant's new rating; the manager's rectification rate follows each step, and the portal's
 * 评价公示 shows the month with the measures taken.
 */
const COMMENT = '材料清单说得不清楚，来回跑了两次';
const SUMMARY = '重新编写企业开办材料清单，窗口人员完成一次性告知培训';

let browser: Browser;
let manager: BrowserContext;
let centerId: string;
let evaluatorLink: string;
let ticketNumber: string;
let callbackId: string;

/** The rectification card of the manager's dashboard: real-name bad reviews, and how many are rectified. */
async function rectificationCounts(): Promise<{ bad: number; rectified: number }> {
  const page = await manager.newPage();
  await page.goto(`${baseUrl()}/evaluation-figures`);
  const card = page.getByTestId('rectification-rate');
  await card.getByText(/实名差评 \d+/).waitFor();
  const text = await card.innerText();
  await page.close();
  // "实名差评 29 · 已办结 13 · 目标 100%"
  const counts = /实名差评\s*(\d+)\s*·\s*已办结\s*(\d+)/.exec(text);
  expect(counts, text).toBeTruthy();
  return { bad: Number(counts![1]), rectified: Number(counts![2]) };
}

let before: { bad: number; rectified: number };

beforeAll(async () => {
  browser = await launchBrowser();
  manager = (await signIn(browser, 'manager')).context;
  const api = manager.request;
  const centers = (await (await api.get(`${baseUrl()}/api/centers`)).json()) as { id: string; name: string }[];
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const counters = (await (await api.get(`${baseUrl()}/api/centers/${centerId}/counters`)).json()) as { id: string; number: string }[];
  const counter1 = counters.find((c) => c.number === '1')!;
  const devices = (await (await api.get(`${baseUrl()}/api/queue/centers/${centerId}/devices`)).json()) as { kind: string; path: string; counterId: string | null; demoKey: string | null }[];
  const evaluator = devices.find((d) => d.kind === 'evaluator' && d.counterId === counter1.id)!;
  evaluatorLink = `${evaluator.path}?key=${encodeURIComponent(evaluator.demoKey!)}`;
  const kiosk = devices.find((d) => d.kind === 'kiosk')!;
  const queues = (await (await api.get(`${baseUrl()}/api/queue/centers/${centerId}/queues`)).json()) as { id: string; prefix: string }[];
  const queueA = queues.find((q) => q.prefix === 'A')!;
  // Whatever other tests left waiting in queue A is cleared, so the next call is this user's ticket.
  for (const state of ['waiting', 'transferred']) {
    const waiting = (await (await api.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?state=${state}&queueId=${queueA.id}`)).json()) as { id: string }[];
    for (const t of waiting) expect((await api.post(`${baseUrl()}/api/queue/tickets/${t.id}/cancel`)).ok()).toBe(true);
  }
  // The user takes a ticket at the kiosk for 企业变更登记 (市场监督管理局's item, served at the
  // comprehensive counters of queue A) and leaves a phone number: the rating will be real-name.
  const items = (await (await api.get(`${baseUrl()}/api/queue/centers/${centerId}/items`)).json()) as { id: string; name: string; queueId: string | null }[];
  const item = items.find((i) => i.name === '企业变更登记' && i.queueId === queueA.id)!;
  const taken = await api.post(`${baseUrl()}/api/queue/kiosk/${centerId}/tickets`, {
    headers: { 'x-device-key': kiosk.demoKey! },
    data: { itemId: item.id, phone: '13822223333' },
  });
  expect(taken.status(), await taken.text()).toBe(201);
  ticketNumber = ((await taken.json()) as { displayNumber: string }).displayNumber;
  before = await rectificationCounts();
});

afterAll(async () => {
  await browser?.close();
});

describe('a bad review at the counter, called back and rectified', () => {
  it('is served at counter 1 and rated 不满意 on the evaluator, with a tag and a comment', async () => {
    const { context, page: workbench } = await signIn(browser, 'clerk');
    await workbench.getByTestId('menu-workbench').click();
    await workbench.getByTestId('session-state').waitFor();
    if (!(await workbench.getByTestId('session-state').innerText()).includes('服务中')) await workbench.getByTestId('session-open').click();
    await expect.poll(() => workbench.getByTestId('session-state').innerText()).toContain('服务中');
    await workbench.getByTestId('call-next').click();
    await workbench.getByTestId('current-number').getByText(ticketNumber).waitFor();
    await workbench.getByTestId('start').click();
    await workbench.getByTestId('finish').click();
    // the dialog is pre-filled with the item the ticket was taken for (企业变更登记)
    await workbench.getByRole('dialog').getByTestId('finish-items').getByText('企业变更登记', { exact: false }).waitFor();
    await workbench.getByRole('dialog').getByRole('button', { name: /办\s*结/ }).click();
    await workbench.getByTestId('call-next').waitFor();

    const { page: evaluator } = await openPage(browser);
    await evaluator.goto(`${baseUrl()}${evaluatorLink}`);
    const request = evaluator.getByTestId('evaluator-request');
    await request.getByText(ticketNumber, { exact: false }).waitFor();
    await evaluator.getByTestId('rate-2').click();
    await evaluator.getByTestId('tag-competence.unclear_notice').click();
    await evaluator.getByTestId('rating-comment').fill(COMMENT);
    await evaluator.getByTestId('rating-submit').click();
    await evaluator.getByText('感谢您的评价！').waitFor();
    await evaluator.context().close();
    await context.close();

    // The manager's dashboard: one more real-name bad review, not yet rectified.
    expect(await rectificationCounts()).toEqual({ bad: before.bad + 1, rectified: before.rectified });
  });

  it('shows the chief officer the callback, who records the call and finds it founded', async () => {
    const { context, page } = await signIn(browser, 'chief');
    await page.getByTestId('menu-callbacks').click();
    await page.getByTestId('callback-state-filter').click();
    await page.getByTitle('待回访').click();
    const list = page.getByTestId('callback-list');
    // the newest first: this user's review
    await list.locator('tbody tr').first().getByText('企业变更登记').waitFor();
    expect(await list.locator('tbody tr').first().innerText()).toContain('不满意');
    await list.getByTestId('callback-detail-link').first().click();
    const detail = page.getByTestId('callback-detail');
    await detail.waitFor();
    const rating = await page.getByTestId('rating-card').innerText();
    expect(rating).toContain(COMMENT);
    expect(rating).toContain('告知不清、反复补材料');
    callbackId = /\/callbacks\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const state = () => detail.locator('.ant-card-head-title .ant-tag').first().innerText();
    expect(await state()).toBe('待回访');

    await page.getByTestId('action-record-contact').click();
    await page.getByTestId('contact-note').fill('电话联系上评价人，已致歉，了解到材料清单说明不清');
    await saveDialog(page);
    await expect.poll(state).toBe('已回访待核实');

    await page.getByTestId('action-verify').click();
    await page.getByRole('dialog').getByText('属实', { exact: true }).click();
    await page.getByTestId('verdict-note').fill('核查窗口录像，未一次性告知所需材料');
    await saveDialog(page);
    await expect.poll(state).toBe('已核实待整改');
    await context.close();
  });

  it('records the rectification and the applicant’s new rating, and closes it', async () => {
    const { context, page } = await signIn(browser, 'chief');
    await page.goto(`${baseUrl()}/callbacks/${callbackId}`);
    const detail = page.getByTestId('callback-detail');
    await detail.waitFor();
    const state = () => detail.locator('.ant-card-head-title .ant-tag').first().innerText();

    await page.getByTestId('action-rectify').click();
    await page.getByTestId('measures').fill('重新编写材料清单并在窗口公示；组织窗口人员一次性告知培训');
    await page.getByTestId('owner-name').fill('窗口组长');
    await page.getByTestId('public-summary').fill(SUMMARY);
    await saveDialog(page);
    await expect.poll(state).toBe('整改中');

    await page.getByTestId('action-mark-done').click();
    await page.getByTestId('result').fill('材料清单已更新，培训已完成');
    await saveDialog(page);
    await page.getByTestId('action-re-rate').click();
    await page.getByRole('dialog').getByText('满意', { exact: true }).click();
    await saveDialog(page);
    await expect.poll(() => page.getByTestId('rectification-panel').innerText()).toContain('满意');

    await page.getByTestId('action-close').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(state).toBe('已办结');
    await context.close();

    // The dashboard's rectification rate moves: this review now counts as rectified.
    expect(await rectificationCounts()).toEqual({ bad: before.bad + 1, rectified: before.rectified + 1 });
  });

  it('is on the portal’s 评价公示 of this month, with the measures and no personal data', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/portal`);
    await page.getByTestId('portal-nav-interaction').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('link', { name: '评价公示' }).click();
    const disclosure = page.getByTestId('evaluation-disclosure');
    await disclosure.waitFor();
    const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const rectified = page.getByTestId('disclosure-rectified');
    await rectified.getByText(SUMMARY).waitFor();
    await expect.poll(() => page.getByTestId('disclosure-month').innerText()).toContain(month);
    const text = await disclosure.innerText();
    expect(text).not.toContain('13822223333');
    expect(text).not.toContain('3333');
    expect(text).not.toContain(COMMENT);
    await page.context().close();
  });
});
