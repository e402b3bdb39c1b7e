import { TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, LAPTOP, launchBrowser, openPage, signIn } from './support.ts';

/**
 * A chief officer is asked to turn on two-step verification; the auditor (whom no other browser
 * test signs in as) turns it on with the QR code's secret, signs in with a code as the second
 * step, and turns it off again.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The code of `secret` `steps` 30-second steps from now, not too near a step's end (the server's window is one step each way). */
async function codeOf(secret: string, steps = 0): Promise<string> {
  if (Date.now() % 30_000 > 27_000) await new Promise((r) => setTimeout(r, 3_500));
  return new TOTP({ secret }).generate({ timestamp: Date.now() + steps * 30_000 });
}

describe('two-step verification', () => {
  it('asks a chief officer to turn it on, without forcing it', async () => {
    const { context, page } = await signIn(browser, 'chief');
    await page.goto(`${baseUrl()}/change-password`);
    await page.getByTestId('totp-recommended').waitFor();
    expect(await page.getByTestId('totp-card').innerText()).toContain('未开启');
    await context.close();
  });

  it('is turned on with a code, asked for at the next sign-in, and turned off again', async () => {
    const { context, page } = await signIn(browser, 'auditor');
    await page.goto(`${baseUrl()}/change-password`);
    await page.getByTestId('totp-password').fill(DEMO_PASSWORD);
    await page.getByTestId('totp-start').click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByTestId('totp-recommended').count()).toBe(0);
    await page.locator('canvas, svg').first().waitFor();
    // the code of the step before: the sign-in below then has a fresh step of its own
    await page.getByTestId('totp-confirm-code').fill(await codeOf(secret, -1));
    await page.getByTestId('totp-confirm').click();
    await page.getByText('已开启', { exact: true }).waitFor();
    await context.close();

    const fresh = await openPage(browser, LAPTOP);
    const login: Page = fresh.page;
    await login.goto(`${baseUrl()}/login`);
    await login.getByTestId('login-username').fill('auditor');
    await login.getByTestId('login-password').fill(DEMO_PASSWORD);
    await login.getByTestId('login-submit').click();
    await login.getByTestId('login-totp-hint').waitFor();
    expect(await login.getByTestId('login-error').count()).toBe(0);
    await login.getByTestId('login-totp').fill('000000' === (await codeOf(secret)) ? '111111' : '000000');
    await login.getByTestId('login-submit').click();
    expect(await login.getByTestId('login-error').innerText()).toContain('动态验证码不正确');
    await login.getByTestId('login-totp').fill(await codeOf(secret));
    await login.getByTestId('login-submit').click();
    await login.getByTestId('side-menu').waitFor();

    await login.goto(`${baseUrl()}/change-password`);
    await login.getByTestId('totp-card').getByText('已开启', { exact: true }).waitFor();
    await login.getByTestId('totp-card').locator('input').fill(await codeOf(secret, 1));
    await login.getByTestId('totp-card').getByRole('button', { name: '关闭两步验证' }).click();
    await login.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
    await login.getByTestId('totp-card').getByText('未开启', { exact: true }).waitFor();
    await fresh.context.close();
  });
});
