import type { APIRequestContext, Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, openPage, signIn } from './support.ts';

/**
 * Issue 16, items 12, 15 and 17 on the portal: 我的办件 shows the signed-in enterprise its
 * applications with state, due date, notices to download and the pickup code; an anonymous visit
 * logs no console error; a bookable item's guide has 预约办理.
 */
const CATERING = '91440605MA51XQ2D77';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Detail = { id: string; number: string; version: number; dueDate: string | null; materials: { key: string; status: string; licenseType: string | null }[]; tasks: { id: string; version: number }[] };

async function staff(username: string): Promise<APIRequestContext> {
  const { context } = await openPage(browser);
  expect((await context.request.post(`${baseUrl()}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } })).ok()).toBe(true);
  return context.request;
}

type Answer = Awaited<ReturnType<APIRequestContext['get']>>;

async function succeeded(res: Answer): Promise<void> {
  expect(res.ok(), `${res.url()}: ${await res.text()}`).toBe(true);
}

async function json<T>(res: Answer): Promise<T> {
  await succeeded(res);
  return (await res.json()) as T;
}

/** 食品经营许可 for the catering enterprise, received at the counter. */
async function receive(clerk: APIRequestContext): Promise<Detail> {
  const body = { source: { kind: 'item', code: 'NH-SCJG-006' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, applicant: { uscc: CATERING }, contactPhone: '13800138000' };
  return json<Detail>(await clerk.post(`${baseUrl()}/api/applications`, { data: body }));
}

/** 食品经营许可 for the catering enterprise, received, accepted and approved (through the API: the pages are tested elsewhere). */
async function approvedApplication(): Promise<Detail> {
  const clerk = await staff('clerk');
  const reviewer = await staff('reviewer');
  const api = `${baseUrl()}/api/applications`;
  let app = await receive(clerk);
  for (const m of app.materials) if (m.status !== 'committed') app = await json<Detail>(await clerk.put(`${api}/${app.id}/materials/${m.key}`, { data: { status: 'paper_seen' } }));
  app = await json<Detail>(await clerk.post(`${api}/${app.id}/accept`, { data: { version: app.version } }));
  const task = app.tasks[0]!;
  await succeeded(await reviewer.post(`${baseUrl()}/api/review/tasks/${task.id}/take`, { data: { version: task.version } }));
  const taken = await json<Detail>(await reviewer.get(`${api}/${app.id}`));
  await succeeded(await reviewer.post(`${baseUrl()}/api/review/tasks/${task.id}/approve`, { data: { version: taken.tasks[0]!.version, opinion: '符合条件，准予许可。' } }));
  return json<Detail>(await clerk.get(`${api}/${app.id}`));
}

describe('我的办件', () => {
  it('shows the enterprise its application with state, due date, notices to download and the pickup code', async () => {
    const app = await approvedApplication();
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/portal/login`);
    await page.getByTestId('portal-uscc').fill(CATERING);
    await page.getByTestId('portal-password').fill(DEMO_PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal\/account/);
    await page.getByTestId('portal-nav-mine').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('menuitem', { name: '我的办件' }).click();

    await page.getByTestId('my-applications').waitFor();
    const row = page.locator(`[data-testid="my-application"][data-number="${app.number}"]`);
    await row.waitFor();
    expect(await row.getByTestId('my-application-state').innerText()).toBe('准予许可（待出件）');
    expect(await row.getByTestId('my-application-due').innerText()).toBe(app.dueDate);
    const pickupCode = await row.getByTestId('my-application-pickup-code').innerText();
    expect(pickupCode).toMatch(/^\d{6}$/);

    // Every notice downloads as a PDF, the pickup notice with the code on it.
    const links = row.getByTestId('my-application-notice');
    expect(await links.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('受理通知书'), expect.stringContaining('领取')]));
    const href = await links.filter({ hasText: '领取' }).getAttribute('href');
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // 查看进度 opens the progress without typing: number and check code come with the link, the credit code is filled in.
    await row.getByTestId('my-application-progress').click();
    await page.getByTestId('progress-result').waitFor();
    expect(await page.getByTestId('progress-result').innerText()).toContain(app.number);
    expect(await page.getByTestId('progress-uscc').inputValue()).toBe(CATERING);

    // The clerk hands the result over with the code the applicant gives; 查询 again shows it, not the answer from before.
    const clerk = await staff('clerk');
    const now = await json<Detail>(await clerk.get(`${baseUrl()}/api/applications/${app.id}`));
    await succeeded(await clerk.post(`${baseUrl()}/api/applications/${app.id}/delivery/hand-over`, { data: { version: now.version, pickupCode } }));
    expect(await page.getByTestId('progress-result').innerText()).toContain('准予许可（待出件）');
    await page.getByTestId('progress-submit').click();
    await expect.poll(() => page.getByTestId('progress-result').innerText()).toContain('已办结送达');
  });
});

describe('the portal for a visitor', () => {
  it('logs no console error on an anonymous visit', async () => {
    const { page } = await openPage(browser);
    const errors: string[] = [];
    let at = '';
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(`${at}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${at}: ${e.message}`));
    // pages that ask who is signed in (the session question): before, each logged the 401 of /api/auth/me
    for (const path of ['/portal', '/portal/progress', '/portal/appointments', '/portal/feedback', '/portal/policy-calculator', '/portal/login']) {
      at = path;
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(errors).toEqual([]);
  });

  it('offers 预约办理 on the guide of a bookable item, with the item chosen, and not on one that cannot be booked', async () => {
    const { page } = await openPage(browser);
    const bookable = (await (await page.request.get(`${baseUrl()}/api/portal/appointments/items`)).json()) as { code: string; name: string }[];
    const item = bookable.find((i) => i.code === 'NH-SCJG-001')!;
    await page.goto(`${baseUrl()}/portal/items/${item.code}`);
    await page.getByTestId('item-notice').waitFor();
    await page.getByTestId('item-book').click();
    await page.waitForURL(/\/portal\/appointments\?code=NH-SCJG-001/);
    await page.getByText(item.name).first().waitFor();
    expect(await page.getByTestId('book-item-NH-SCJG-001').count()).toBe(0); // chosen already: the chooser is gone

    const overview = (await (await page.request.get(`${baseUrl()}/api/portal/items`)).json()) as { code: string }[] | { items: { code: string }[] };
    const codes = (Array.isArray(overview) ? overview : overview.items).map((i) => i.code);
    const other = codes.find((c) => !bookable.some((b) => b.code === c));
    if (other) {
      await page.goto(`${baseUrl()}/portal/items/${other}`);
      await page.getByTestId('item-notice').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('item-book').count()).toBe(0);
    }
  });
});

describe('the e-licence picker', () => {
  it('says what choosing an e-licence instead of an upload does', async () => {
    const app = await receive(await staff('clerk'));
    const material = app.materials.find((m) => m.licenseType)!;
    const { page } = await signIn(browser, 'clerk');
    await page.goto(`${baseUrl()}/applications/${app.id}`);
    await page.getByTestId(`material-${material.key}-license`).click();
    expect(await page.getByRole('dialog').getByTestId('license-picker-hint').innerText()).toContain('代替这份材料');
  });
});
