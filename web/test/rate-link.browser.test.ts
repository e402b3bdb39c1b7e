import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, signIn } from './support.ts';

/**
 * Issue 16, items 10 and 15: the rating link of a service rated meanwhile (here on the counter's
 * evaluator) says the service was rated and takes one 追评 instead of showing the form again; the
 * portal's 我的评价 names the service by its item, not by the center.
 */

const CATERING = '91440605MA51XQ2D77';
let browser: Browser;
let clerk: APIRequestContext;
let centerName: string;
let counterId: string;
let evaluatorKey: string;
let itemId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const api = (await signIn(browser, 'manager')).context.request;
  const centers = (await (await api.get(`${baseUrl()}/api/centers`)).json()) as { id: string; name: string }[];
  const center = centers.find((c) => c.name === '佛山市南海区政务服务中心')!;
  centerName = center.name;
  const counters = (await (await api.get(`${baseUrl()}/api/centers/${center.id}/counters`)).json()) as { id: string; number: string }[];
  counterId = counters.find((c) => c.number === '1')!.id;
  const devices = (await (await api.get(`${baseUrl()}/api/queue/centers/${center.id}/devices`)).json()) as { kind: string; counterId: string | null; demoKey: string | null }[];
  evaluatorKey = devices.find((d) => d.kind === 'evaluator' && d.counterId === counterId)!.demoKey!;
  const items = (await (await api.get(`${baseUrl()}/api/queue/centers/${center.id}/items`)).json()) as { id: string; name: string }[];
  itemId = items.find((i) => i.name === '企业变更登记')!.id;
  clerk = (await signIn(browser, 'clerk')).context.request;
  await clerk.post(`${baseUrl()}/api/queue/counters/${counterId}/open`); // open already when another test left it so
});

afterAll(async () => {
  await browser?.close();
});

/** A visit of the catering enterprise served at counter 1 for 企业变更登记, finished. */
async function finishedVisit(): Promise<{ id: string; displayNumber: string }> {
  const walkIn = await clerk.post(`${baseUrl()}/api/queue/counters/${counterId}/walk-in`, { data: { uscc: CATERING, phone: '13822224444' } });
  expect(walkIn.status(), await walkIn.text()).toBe(200);
  const ticket = (await walkIn.json()) as { id: string; displayNumber: string };
  const finished = await clerk.post(`${baseUrl()}/api/queue/tickets/${ticket.id}/finish`, { data: { itemIds: [itemId] } });
  expect(finished.status(), await finished.text()).toBe(200);
  return ticket;
}

const evaluator = (path: string, data: object) => clerk.post(`${baseUrl()}/api/queue/evaluator/${counterId}/${path}`, { headers: { 'x-device-key': evaluatorKey }, data });

describe('a rating link after the rating', () => {
  it('says the service was rated and takes one 追评', async () => {
    const ticket = await finishedVisit();
    // evaluations records the finished visit after commit (the outbox): the QR link can be made once it has
    let invited = await evaluator('invitation', { ticketId: ticket.id });
    for (let i = 0; i < 40 && invited.status() !== 201; i++) {
      await new Promise((r) => setTimeout(r, 250));
      invited = await evaluator('invitation', { ticketId: ticket.id });
    }
    expect(invited.status(), await invited.text()).toBe(201);
    const { path } = (await invited.json()) as { path: string };
    expect((await evaluator('ratings', { ticketId: ticket.id, level: 5 })).status()).toBe(201);

    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}${path}`);
    const rated = page.getByTestId('rate-link-rated');
    await rated.getByText('该服务已评价').waitFor();
    expect(await rated.innerText()).toContain('非常满意（评价器');
    expect(await page.getByTestId('rating-form').count()).toBe(0);

    await page.getByTestId('rate-link-addition').fill('回去后按告知一次就办好了');
    await page.getByTestId('rate-link-add').click();
    await page.getByText('追评已提交，谢谢！').waitFor();
    await page.reload();
    await page.getByText('追评期限已过或已追评').waitFor();
    await page.context().close();
  });
});

describe('我的评价 on the portal', () => {
  it('names a service to rate by its item, not by the center', async () => {
    const ticket = await finishedVisit();
    const { context, page } = await openPage(browser);
    const login = await context.request.post(`${baseUrl()}/api/auth/enterprise-login`, { data: { uscc: CATERING, password: 'Demo1234' } });
    expect(login.status()).toBe(200);
    // numbers start again every day: after midnight in Shanghai an earlier day's service can carry the same number
    const today = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const service = page.getByTestId(`to-rate-service-${ticket.displayNumber}`).filter({ hasText: `办结时间 ${today}` });
    for (let i = 0; i < 20 && !(await service.count()); i++) {
      await page.goto(`${baseUrl()}/portal/evaluations`);
      await page.getByTestId('portal-evaluations').waitFor();
      if (!(await service.count())) await new Promise((r) => setTimeout(r, 250));
    }
    const text = await service.innerText();
    expect(text).toContain('企业变更登记');
    expect(text).not.toContain(centerName);
    await context.close();
  });
});
