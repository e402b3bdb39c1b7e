import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, logIn, openPage, type Session } from './support.ts';

/**
 * 宣讲培训 (6.2.4), issue 13 item 4: an enterprise registers an attendee for a briefing on the
 * portal and is shown the attendee's check-in code and QR; the policy officer checks the attendee
 * in at the door by that code (a second time is refused as already checked in); the event's
 * figures, the list and the enterprise's own page show the attendance.
 */
const CATERING = '91440605MA51XQ2D77';
/** how long an expectation on the page waits (the machine may be busy) */
const WAIT = { timeout: 60_000, interval: 250 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that waits longer than the default for each step: the machine that runs the tests may be busy. */
async function slowPage(): Promise<Session> {
  const session = await openPage(browser);
  session.page.setDefaultTimeout(90_000);
  return session;
}

/** A published briefing in the briefing room next week, made through the API (the editor is not what is tested here). */
async function publishedEvent(officer: APIRequestContext, topic: string): Promise<string> {
  const rooms = (await (await officer.get(`${baseUrl()}/api/briefings/rooms`)).json()) as { id: string }[];
  const day = new Date(Date.now() + 8 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const eve = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const created = await officer.post(`${baseUrl()}/api/briefings`, {
    data: { kind: 'policy_briefing', topic, speakers: ['吴丽娟'], date: day, startTime: '14:00', endTime: '16:00', zoneId: rooms[0]!.id, capacity: 20, registrationClosesOn: eve },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const event = (await created.json()) as { id: string; version: number };
  const published = await officer.post(`${baseUrl()}/api/briefings/${event.id}/publish`, { data: { version: event.version } });
  expect(published.ok(), await published.text()).toBe(true);
  return event.id;
}

describe('宣讲培训', () => {
  it('an enterprise registers on the portal, the officer checks the attendee in by code, and the figures show it', async () => {
    const topic = `跨境电商政策宣讲会 ${Date.now() % 100000}`;
    const officer = await slowPage();
    await logIn(officer.page, 'policy');
    const eventId = await publishedEvent(officer.context.request, topic);

    // the enterprise, on the portal
    const { page } = await slowPage();
    await page.goto(`${baseUrl()}/portal/login`);
    await page.getByTestId('portal-uscc').fill(CATERING);
    await page.getByTestId('portal-password').fill(DEMO_PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal\/account/);
    await page.getByTestId('portal-nav-policy').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('menuitem', { name: '宣讲培训' }).click();
    const item = page.getByTestId('portal-event').filter({ hasText: topic });
    await item.getByTestId('register-event').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('attendee-name').fill('赵敏');
    await dialog.getByTestId('attendee-phone').fill('13912345678');
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    await page.waitForURL(/\/portal\/my-briefings/);
    const mine = page.getByTestId('own-registration').filter({ hasText: topic });
    await mine.getByTestId('check-in-qr').waitFor();
    const attendee = mine.getByTestId('own-attendee');
    expect(await attendee.innerText()).toContain('139****5678');
    const code = (await mine.getByTestId('check-in-code-shown').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    // the officer, at the door
    const staff = officer.page;
    await staff.getByTestId('menu-briefings').click();
    await staff.getByTestId('event-link').filter({ hasText: topic }).click();
    await staff.getByTestId('to-check-in').click();
    await staff.getByTestId('check-in-code').fill(code.toLowerCase());
    await staff.getByTestId('check-in-code').press('Enter');
    await expect.poll(() => staff.getByTestId('check-in-result').innerText(), WAIT).toBe('赵敏（佛山市南海区示例餐饮管理有限公司）签到成功');
    await expect.poll(() => staff.getByTestId('check-in-attended').innerText(), WAIT).toContain('1');
    await staff.getByTestId('check-in-code').fill(code);
    await staff.getByTestId('check-in-submit').click();
    await expect.poll(() => staff.getByTestId('check-in-result').innerText(), WAIT).toMatch(/^赵敏已于 \d{2}:\d{2} 签到，无需重复签到$/);

    // the figures: the event's page and the list
    await staff.goto(`${baseUrl()}/briefings/${eventId}`);
    const figures = staff.getByTestId('event-figures');
    await expect.poll(() => figures.innerText(), WAIT).toMatch(/签到人数\s*1/);
    expect(await figures.innerText()).toMatch(/到场率\s*100%/);
    expect(await staff.getByTestId('registrations').getByTestId('attendee').innerText()).toContain('已签到');
    await staff.getByTestId('menu-briefings').click();
    const row = staff.locator('[data-testid="events"] tr').filter({ hasText: topic });
    await expect.poll(() => row.innerText(), WAIT).toMatch(/1 \/ 20\s+1\s+100%/);

    // the enterprise sees the attendee checked in, and no QR code any more
    await page.reload();
    await expect.poll(() => mine.getByTestId('own-attendee').innerText(), WAIT).toContain('已签到');
    expect(await mine.getByTestId('check-in-qr').count()).toBe(0);
  }, 240_000);
});
