import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, logIn, openPage, saveDialog } from './support.ts';

/**
 * Issue 16's story, as one visitor lives it on the demo: a ticket from the kiosk's 企业开办 tile,
 * used at the counter to take in 食品经营许可 (an item of another theme); 办结 records that item,
 * pre-filled from the application; the approval replaces the enterprise's older licence; the
 * enterprise finds the application under 我的办件 with its pickup code and notices; the result is
 * handed over against that code, and the rating invitation's SMS link points at this server's
 * own address and port, where the service is rated.
 */
const CATERING = '91440605MA51XQ2D77';
const FOOD_BUSINESS = 'NH-SCJG-006';
/** A phone of this run's own, so its SMS is found among the demo's. */
const PHONE = `139${String(Date.now()).slice(-8)}`;

let browser: Browser;
let clerkContext: BrowserContext;
let workbench: Page;
let manager: APIRequestContext;
/** The chief officer reads the licence library (the manager may not). */
let chief: APIRequestContext;
let centerId: string;
let ticketNumber = '';
let applicationNumber = '';
let applicationId = '';
let pickupCode = '';

type LicenseRow = { id: string; status: string; type: { code: string }; supersededBy: { id: string; number: string } | null };

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function cateringFoodLicenses(): Promise<LicenseRow[]> {
  const page = await json<{ items: LicenseRow[] }>(await chief.get(`${baseUrl()}/api/licenses?q=${CATERING}&pageSize=100`));
  return page.items.filter((l) => l.type.code === 'food_business');
}

const stateOf = (page: Page) => page.getByTestId('state-tag').first().innerText();

beforeAll(async () => {
  browser = await launchBrowser();
  const managerSession = await openPage(browser);
  manager = managerSession.context.request;
  await json(await manager.post(`${baseUrl()}/api/auth/login`, { data: { username: 'manager', password: DEMO_PASSWORD } }));
  chief = (await openPage(browser)).context.request;
  await json(await chief.post(`${baseUrl()}/api/auth/login`, { data: { username: 'chief', password: DEMO_PASSWORD } }));
  const centers = await json<{ id: string; name: string }[]>(await manager.get(`${baseUrl()}/api/centers`));
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  // Queue A's line is cleared, so the clerk's next call is this test's ticket.
  const queues = await json<{ id: string; prefix: string }[]>(await manager.get(`${baseUrl()}/api/queue/centers/${centerId}/queues`));
  const queueA = queues.find((q) => q.prefix === 'A')!;
  for (const state of ['waiting', 'transferred']) {
    const waiting = await json<{ id: string }[]>(await manager.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?state=${state}&queueId=${queueA.id}`));
    for (const t of waiting) await json(await manager.post(`${baseUrl()}/api/queue/tickets/${t.id}/cancel`));
  }
  clerkContext = (await openPage(browser)).context;
});

afterAll(async () => {
  await browser?.close();
});

describe('kiosk ticket → intake of another theme → 办结 with that item → approval → 我的办件 → hand-over → rating by SMS', () => {
  it('takes a ticket at the kiosk from the 企业开办 tile', async () => {
    const { context, page: kiosk } = await openPage(browser);
    await kiosk.goto(`${baseUrl()}/kiosk/${centerId}`);
    await kiosk.getByTestId('kiosk-queue-A').click();
    await kiosk.getByTestId('receipt-number').waitFor();
    ticketNumber = (await kiosk.getByTestId('receipt-number').innerText()).trim();
    expect(await kiosk.getByTestId('receipt').innerText()).toContain('企业开办');
    await context.close();
  });

  it('is called at the counter, and the clerk takes in 食品经营许可 for it', async () => {
    workbench = await clerkContext.newPage();
    await logIn(workbench, 'clerk');
    await workbench.getByTestId('menu-workbench').click();
    await workbench.getByTestId('session-state').waitFor();
    if (!(await workbench.getByTestId('session-state').innerText()).includes('服务中')) await workbench.getByTestId('session-open').click();
    await expect.poll(() => workbench.getByTestId('session-state').innerText()).toContain('服务中');
    // Another test may have left a visit in hand at counter 1: it ends as a consultation.
    if ((await workbench.getByTestId('finish').count()) > 0) {
      await workbench.getByTestId('finish').click();
      await workbench.getByTestId('finish-consultation').click();
      await workbench.getByRole('dialog').getByRole('button', { name: /办\s*结/ }).click();
    }
    await workbench.getByTestId('call-next').click();
    await workbench.getByTestId('current-number').getByText(ticketNumber).waitFor();
    await workbench.getByTestId('start').click();
    await workbench.getByTestId('finish').waitFor();

    const intake = await clerkContext.newPage();
    await intake.goto(`${baseUrl()}/applications`);
    await intake.getByTestId('new-intake').click();
    await intake.getByTestId('intake-code').click();
    await intake.keyboard.type('食品经营许可');
    await intake.getByTitle(`食品经营许可（${FOOD_BUSINESS}）`).click();
    for (const q of ['prepackaged_only', 'online_sales']) await intake.getByTestId(`question-${q}`).getByText('否').click();
    await intake.getByTestId('intake-uscc').fill(CATERING);
    await intake.getByTestId('intake-phone').fill(PHONE);
    await intake.getByTestId('intake-submit').click();
    await intake.getByTestId('application-detail').waitFor();
    applicationNumber = await intake.getByTestId('application-number').innerText();
    applicationId = intake.url().split('/').pop()!;
    for (const key of ['application', 'business_license', 'legal_rep_id', 'layout', 'equipment_list', 'rules', 'safety_staff']) {
      await intake.getByTestId(`material-${key}-paper`).click();
      await expect.poll(() => intake.getByTestId(`material-${key}-status`).innerText()).toBe('纸质已核验');
    }
    await intake.getByTestId('action-accept').click();
    await intake.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => stateOf(intake)).toBe('审查中');
    await intake.close();
  });

  it('finishes the visit with 食品经营许可, pre-filled from the application taken in', async () => {
    await workbench.getByTestId('finish').click();
    const dialog = workbench.getByRole('dialog');
    expect(await dialog.getByTestId('finish-received').innerText()).toContain(applicationNumber);
    expect(await dialog.getByTestId('finish-items').innerText()).toContain('食品经营许可');
    await dialog.getByRole('button', { name: /办\s*结/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await workbench.getByTestId('call-next').waitFor();

    const [ticket] = await json<{ displayNumber: string; state: string; handledItemIds: string[] }[]>(
      await manager.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?q=${ticketNumber}`),
    );
    const items = await json<{ id: string; code: string }[]>(await manager.get(`${baseUrl()}/api/catalog/items?centerId=${centerId}`));
    const food = items.find((i) => i.code === FOOD_BUSINESS)!;
    expect(ticket).toMatchObject({ displayNumber: ticketNumber, state: 'done', handledItemIds: [food.id] });
  });

  it('is approved by the reviewer, and the new licence replaces the one the enterprise held', async () => {
    const held = (await cateringFoodLicenses()).filter((l) => l.status === 'valid');
    expect(held).toHaveLength(1);

    const { context, page } = await openPage(browser);
    await logIn(page, 'reviewer');
    await page.getByTestId('menu-review').click();
    await page.getByTestId('queue-search').locator('input').fill(applicationNumber);
    await page.keyboard.press('Enter');
    await page.getByTestId('review-queue').getByText(applicationNumber).click();
    await page.getByTestId('application-detail').waitFor();
    await page.getByTestId('action-approve').click();
    await page.getByTestId('approve-opinion').fill('经审查，符合食品经营许可条件，准予许可。');
    await saveDialog(page);
    await expect.poll(() => stateOf(page)).toBe('准予许可（待出件）');
    await context.close();

    const food = await cateringFoodLicenses();
    const valid = food.filter((l) => l.status === 'valid');
    expect(valid).toHaveLength(1);
    expect(food.find((l) => l.id === held[0]!.id)).toMatchObject({ status: 'superseded', supersededBy: { id: valid[0]!.id } });
  });

  it("shows the enterprise the application under 我的办件, with its pickup code and notices", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/portal/login`);
    await page.getByTestId('portal-uscc').fill(CATERING);
    await page.getByTestId('portal-password').fill(DEMO_PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal\/account/);
    await page.getByTestId('portal-nav-mine').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('menuitem', { name: '我的办件' }).click();
    const row = page.locator(`[data-testid="my-application"][data-number="${applicationNumber}"]`);
    await row.waitFor();
    expect(await row.getByTestId('my-application-state').innerText()).toBe('准予许可（待出件）');
    pickupCode = (await row.getByTestId('my-application-pickup-code').innerText()).trim();
    expect(pickupCode).toMatch(/^\d{6}$/);
    const notices = row.getByTestId('my-application-notice');
    expect(await notices.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('准予行政许可决定书')]));
    const pdf = await page.request.get(`${baseUrl()}${await notices.filter({ hasText: '领取' }).getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await context.close();
  });

  it('is handed over against the pickup code, and rated through the SMS link, which points at this server', async () => {
    const clerk = clerkContext.request;
    const detail = await json<{ version: number }>(await clerk.get(`${baseUrl()}/api/applications/${applicationId}`));
    await json(await clerk.post(`${baseUrl()}/api/applications/${applicationId}/delivery/hand-over`, { data: { version: detail.version, pickupCode } }));

    let link = '';
    await expect
      .poll(
        async () => {
          const log = await json<{ items: { template: string; body: string }[] }>(await manager.get(`${baseUrl()}/api/notifications?phone=${PHONE}`));
          link = log.items.find((m) => m.template === 'rating_invitation')?.body.match(/https?:\/\/\S+\/rate\/\S+/)?.[0] ?? '';
          return link;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');
    // The server listens on 127.0.0.1 and a free port, with no PUBLIC_URL: the link names that port.
    const [url, server] = [new URL(link), new URL(baseUrl())];
    expect({ host: url.hostname.replace('localhost', '127.0.0.1'), port: url.port, path: url.pathname.startsWith('/rate/') }).toEqual({ host: server.hostname, port: server.port, path: true });

    const { context, page } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(link);
    await page.getByTestId('rate-5').click();
    await page.getByTestId('rating-submit').click();
    await page.getByText('感谢您的评价').waitFor();
    await page.goto(link);
    await page.getByTestId('rate-link-rated').waitFor();
    await context.close();
  });
});
