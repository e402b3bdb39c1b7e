import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** a code of the step before or after the server's clock is accepted too (clock drift, typing time) */
const WINDOW = 1;

export const TOTP_CODE = /^\d{6}$/;

/** A new random secret (160 bits, RFC 4226's recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app scans (as a QR code) or imports. */
export function totpUri(input: { secret: string; issuer: string; account: string }): string {
  return totpOf(input.secret, input.issuer, input.account).toString();
}

/**
 * The 30-second step (counter) a code belongs to, within the window around `now`, or null when
 * the code is not right. The caller refuses a step that was already used.
 */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!TOTP_CODE.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of a secret at a time (tests, and nothing else, generate codes). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return totpOf(secret).generate({ timestamp });
}

function totpOf(secret: string, issuer = '', account = ''): TOTP {
  return new TOTP({ issuer, label: account, issuerInLabel: issuer !== '', algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}
