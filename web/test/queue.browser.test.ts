import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextOptions, DEMO_PASSWORD, LAPTOP, launchBrowser, logIn, openPage } from './support.ts';

/**
 * The front desk, as a new user tries it on the demo: the kiosk and the display side by side,
 * three tickets (one green channel), the clerk's workbench calls the green one first, the display
 * shows (and says) the call, the clerk finishes, and the evaluator asks for a rating.
 */

let browser: Browser;
let hall: BrowserContext;
let clerkContext: BrowserContext;
let kiosk: Page;
let display: Page;
let evaluator: Page;
let workbench: Page;
let centerId: string;
let queueA: { id: string };
let displayPath: string;
let evaluatorLink: string;
const taken: string[] = [];

const CONTEXT = contextOptions(LAPTOP);

beforeAll(async () => {
  browser = await launchBrowser();
  hall = await browser.newContext(CONTEXT);
  clerkContext = await browser.newContext(CONTEXT);

  // What a manager sees under 排队设置 › 设备: the demo center, its display and counter 1's evaluator.
  const manager = await browser.newContext(CONTEXT);
  expect((await manager.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'manager', password: DEMO_PASSWORD } })).ok()).toBe(true);
  const centers = (await (await manager.request.get(`${baseUrl()}/api/centers`)).json()) as { id: string; name: string }[];
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const counters = (await (await manager.request.get(`${baseUrl()}/api/centers/${centerId}/counters`)).json()) as { id: string; number: string; zoneId: string }[];
  const counter1 = counters.find((c) => c.number === '1')!;
  const devices = (await (await manager.request.get(`${baseUrl()}/api/queue/centers/${centerId}/devices`)).json()) as {
    kind: string;
    path: string;
    zoneId: string | null;
    counterId: string | null;
    demoKey: string | null;
  }[];
  displayPath = devices.find((d) => d.kind === 'display' && d.zoneId === counter1.zoneId)!.path;
  const device = devices.find((d) => d.kind === 'evaluator' && d.counterId === counter1.id)!;
  evaluatorLink = `${device.path}?key=${encodeURIComponent(device.demoKey!)}`;
  const queues = (await (await manager.request.get(`${baseUrl()}/api/queue/centers/${centerId}/queues`)).json()) as { id: string; prefix: string }[];
  queueA = queues.find((q) => q.prefix === 'A')!;
  // The demo may have appointment check-ins waiting in queue A today; the guidance desk clears them
  // so the test's own three tickets are the whole line.
  for (const state of ['waiting', 'transferred']) {
    const waiting = (await (await manager.request.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?state=${state}&queueId=${queueA.id}`)).json()) as { id: string }[];
    for (const t of waiting) expect((await manager.request.post(`${baseUrl()}/api/queue/tickets/${t.id}/cancel`)).ok()).toBe(true);
  }
  await manager.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('the front desk (demo)', () => {
  it('opens the kiosk and the display side by side', async () => {
    display = await hall.newPage();
    await display.goto(`${baseUrl()}${displayPath}`);
    await display.getByTestId('display').waitFor();
    expect(await display.getByTestId('display-queues').innerText()).toContain('A 企业开办');

    kiosk = await hall.newPage();
    await kiosk.goto(`${baseUrl()}/kiosk/${centerId}`);
    await kiosk.getByTestId('kiosk-queue-A').waitFor();
  });

  it('takes three tickets, the third by the green channel, each with its receipt', async () => {
    for (const green of [false, false, true]) {
      if (green) {
        await kiosk.getByTestId('kiosk-priority').getByText('绿色通道').click();
        await kiosk.getByTestId('kiosk-reason-elderly').click();
      }
      await kiosk.getByTestId('kiosk-queue-A').click();
      const number = kiosk.getByTestId('receipt-number');
      await number.waitFor();
      taken.push((await number.innerText()).trim());
      const receipt = await kiosk.getByTestId('receipt').innerText();
      expect(receipt).toContain('企业开办');
      expect(receipt).toContain('前面还有');
      expect(await kiosk.getByTestId('receipt').locator('img').getAttribute('src')).toMatch(/\/api\/queue\/t\/.+\/qr\.svg$/);
      await kiosk.getByTestId('kiosk-done').click();
      await kiosk.getByTestId('kiosk-queue-A').waitFor();
    }
    expect(taken).toHaveLength(3);
    expect(new Set(taken).size).toBe(3);
    for (const n of taken) expect(n).toMatch(/^A\d{3,}$/);
  });

  it('lets the demo clerk sign in, open counter 1 and call: the green ticket comes first', async () => {
    workbench = await clerkContext.newPage();
    await logIn(workbench, 'clerk');
    await workbench.getByTestId('menu-workbench').click();
    // Another test on this server may have left the clerk's counter open.
    await workbench.getByTestId('session-state').waitFor();
    if (!(await workbench.getByTestId('session-state').innerText()).includes('服务中')) await workbench.getByTestId('session-open').click();
    await expect.poll(() => workbench.getByTestId('session-state').innerText()).toContain('服务中');
    await workbench.getByTestId('call-next').click();
    const current = workbench.getByTestId('current-number');
    await current.waitFor();
    expect((await current.innerText()).trim()).toBe(taken[2]);
  });

  it('shows the call on the display, with the words it says', async () => {
    const text = `请 ${taken[2]} 号到 1 号窗口办理`;
    await display.getByTestId('display-announcement').getByText(text).waitFor({ timeout: 5000 });
    expect(await display.getByTestId('display-latest').innerText()).toContain(taken[2]!);
  });

  it('finishes the visit, and the evaluator at counter 1 invites the rating', async () => {
    evaluator = await hall.newPage();
    await evaluator.goto(`${baseUrl()}${evaluatorLink}`);
    await evaluator.getByTestId('evaluator-clerk').getByText('李晓彤').waitFor();
    expect(await evaluator.getByTestId('evaluator-clerk').innerText()).toContain(taken[2]!);
    expect(evaluator.url()).not.toContain('key=');

    await workbench.getByTestId('start').click();
    await workbench.getByTestId('finish').waitFor();
    await workbench.getByTestId('finish').click();
    await workbench.getByTestId('finish-consultation').click(); // nothing handled: 仅咨询
    await workbench.getByRole('dialog').getByRole('button', { name: /办\s*结/ }).click();
    await workbench.getByTestId('call-next').waitFor();

    const request = evaluator.getByTestId('evaluator-request');
    await request.waitFor({ timeout: 5000 });
    expect(await request.innerText()).toContain(`请您对本次服务（${taken[2]} 号）作出评价`);
    await evaluator.getByTestId('evaluator-qr').waitFor();
    await evaluator.getByTestId('rate-5').click();
    await evaluator.getByTestId('tag-attitude.friendly').click();
    await evaluator.getByTestId('rating-submit').click();
    await evaluator.getByText('感谢您的评价！').waitFor();
  });

  it('calls the next in order of arrival and transfers it, keeping its number', async () => {
    await workbench.getByTestId('call-next').click();
    await workbench.getByTestId('current-number').getByText(taken[0]!).waitFor();
    await workbench.getByTestId('transfer').click();
    const dialog = workbench.getByRole('dialog');
    await dialog.getByTestId('transfer-queue').click();
    await workbench.getByTitle('B 经营许可').click();
    await dialog.getByRole('button', { name: /转\s*移/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await workbench.getByTestId('call-next').waitFor();
    const status = await clerkContext.request.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?q=${taken[0]}`);
    const [moved] = (await status.json()) as { displayNumber: string; state: string; queueName: string }[];
    expect(moved).toMatchObject({ displayNumber: taken[0], state: 'transferred', queueName: '经营许可' });
  });
  it("shows today's numbers on the manager's figures page: counter 1 open, its clerk, the visit done", async () => {
    const { context: managerContext, page: figures } = await openPage(browser, LAPTOP);
    await logIn(figures, 'manager');
    await figures.goto(`${baseUrl()}/queue-figures`);
    const live = figures.getByTestId('figures-live');
    const row = live.locator('tr').filter({ has: figures.getByRole('cell', { name: /^1 号窗口/ }) });
    await row.getByText('李晓彤').waitFor();
    expect(await row.innerText()).toContain('服务中');
    const stats = await live.locator('.ant-statistic').allInnerTexts();
    const done = stats.find((text) => text.startsWith('今日办结'));
    expect(done, stats.join(' | ')).toBeDefined();
    expect(Number(done!.replace(/\D+/g, ' ').trim().split(' ').pop())).toBeGreaterThanOrEqual(1);
    await managerContext.close();
  });
});
