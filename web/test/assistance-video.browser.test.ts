import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextOptions, DEMO_PASSWORD, logIn } from './support.ts';

/**
 * Issue 13, item 2 (视频辅导, 6.1.2.2): an enterprise books a video session on the portal and
 * waits in it; the filing assistant sees 我的辅导 on the home page, starts the session from the
 * ledger's bookings, and the two browsers meet over WebRTC on this machine alone (no STUN or TURN:
 * host candidates), each seeing the other's picture; the assistant ends it with its outcome and the
 * ledger shows the video assistance with its length. Chromium's fake camera and microphone (this
 * test's own launch flags) stand in for the devices.
 */
const CATERING = '91440605MA51XQ2D77';
const CATERING_NAME = '佛山市南海区示例餐饮管理有限公司';

let browser: Browser;

beforeAll(async () => {
  baseUrl();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext(contextOptions());
  await context.grantPermissions(['camera', 'microphone'], { origin: baseUrl() });
  return context.newPage();
}

/** The call is connected on this page and the other side's picture has frames. */
async function connected(page: Page): Promise<void> {
  await page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
      return !!video && video.videoWidth > 0 && video.getVideoPlaybackQuality().totalVideoFrames > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
}

describe('视频辅导', () => {
  it('books on the portal, is started by the assistant, connects two browsers and is logged with its length', async () => {
    // the enterprise books the first free slot
    const enterprise = await newPage();
    await enterprise.goto(`${baseUrl()}/portal/login`);
    await enterprise.getByTestId('portal-uscc').fill(CATERING);
    await enterprise.getByTestId('portal-password').fill(DEMO_PASSWORD);
    await enterprise.getByTestId('portal-login-submit').click();
    await enterprise.waitForURL(/\/portal\/account/);
    await enterprise.getByTestId('portal-nav-policy').click(); // the portal menu's area opens as a dropdown
    await enterprise.getByRole('menuitem', { name: '视频辅导' }).click();
    await enterprise.getByTestId('video-slots').locator('label.ant-radio-button-wrapper:not(.ant-radio-button-wrapper-disabled)').first().click();
    await enterprise.getByTestId('video-topic').fill('食品经营许可网上填报');
    await enterprise.getByTestId('video-person').fill('周先生');
    await enterprise.getByTestId('video-book').click();
    const row = enterprise.getByTestId('my-video-sessions').locator('tr', { hasText: '食品经营许可网上填报' });
    await row.getByText('已预约').waitFor();
    const joinId = (await row.locator('[data-testid^="my-session-join-"]').getAttribute('data-testid'))!;
    const sessionId = joinId.replace('my-session-join-', '');
    // it joins and waits for the assistant
    await row.getByTestId(joinId).click();
    await enterprise.waitForURL(new RegExp(`/portal/video-assistance/${sessionId}$`));
    await enterprise.locator('[data-testid="call-state"][data-phase="waiting_start"]').waitFor();

    // the assistant: 我的辅导 first on the home page, then the bookings, 开始辅导
    const assistant = await newPage();
    await logIn(assistant, 'assistant');
    await assistant.getByTestId('my-assistance').waitFor();
    await assistant.getByTestId('menu-assistance').click();
    await assistant.getByRole('tab', { name: '视频辅导预约' }).click();
    await assistant.getByTestId(`session-start-${sessionId}`).click();
    await assistant.waitForURL(new RegExp(`/assistance/video/${sessionId}$`));

    await Promise.all([connected(assistant), connected(enterprise)]);
    expect(await assistant.getByTestId('call-state').getAttribute('data-state')).toBe('connected');
    await assistant.waitForTimeout(2000);

    // the assistant ends it with the outcome
    await assistant.getByText('填写表单').click();
    await assistant.getByText('检查材料齐全').click();
    await assistant.getByText('已申报', { exact: true }).click();
    await assistant.getByTestId('assistance-application-number').fill('NH-VIDEO-BROWSER');
    await assistant.getByTestId('call-end').click();
    const length = await assistant.getByTestId('call-length').innerText();
    expect(length).toMatch(/^\d+ 分 \d+ 秒$/);
    expect(Number(/(\d+) 秒/.exec(length)![1]) + 60 * Number(/(\d+) 分/.exec(length)![1])).toBeGreaterThanOrEqual(2);
    await enterprise.getByTestId('call-ended').waitFor();

    // the ledger shows it: video, the enterprise, filed, its length
    await assistant.getByTestId('call-back').click();
    const ledgerRow = assistant.getByTestId('assistance-ledger').locator('tr', { hasText: 'NH-VIDEO-BROWSER' });
    await ledgerRow.waitFor();
    const text = await ledgerRow.innerText();
    expect(text).toContain('视频辅导');
    expect(text).toContain(CATERING_NAME);
    expect(text).toContain('已申报');
    expect(await ledgerRow.getByTestId('record-length').innerText()).toBe(length);
  }, 180_000);
});
