import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_SECRETS } from '../../../test/secrets.ts';
import { AppError } from '../errors.ts';
import { decryptField, encryptField, lookupHash, maskIdNumber, maskPhone, normalizePhone, personalDataKeys } from './personal-data.ts';

const keys = personalDataKeys(TEST_SECRETS);

/** An AppError whose message to people says the data cannot be decrypted. */
function expectUnreadable(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toContain('无法解密');
    return;
  }
  throw new Error('expected decryption to fail');
}
const otherKeys = personalDataKeys({ PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32) });

describe('personal data at rest (SM4-CBC + HMAC-SM3)', () => {
  it('round-trips any text, with a fresh IV each time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const a = encryptField(keys, 'id_number', text);
        const b = encryptField(keys, 'id_number', text);
        expect(a).not.toBe(b);
        if (text.length >= 8) expect(a).not.toContain(text);
        expect(decryptField(keys, 'id_number', a)).toBe(text);
      }),
    );
  });

  it('matches the SM4 test vector of GB/T 32907', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = crypto.createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('refuses a tampered ciphertext, another field, or another key', () => {
    const token = encryptField(keys, 'phone', '13812341234');
    const bytes = Buffer.from(token.slice(3), 'base64url');
    bytes[20] = bytes[20]! ^ 1;
    expectUnreadable(() => decryptField(keys, 'phone', `v1.${bytes.toString('base64url')}`));
    expectUnreadable(() => decryptField(keys, 'id_number', token));
    expectUnreadable(() => decryptField(otherKeys, 'phone', token));
    expectUnreadable(() => decryptField(keys, 'phone', 'garbage'));
  });

  it('hashes for lookup with the hash key, per field, deterministically', () => {
    expect(lookupHash(keys, 'phone', '13812341234')).toBe(lookupHash(keys, 'phone', '13812341234'));
    expect(lookupHash(keys, 'phone', '13812341234')).not.toBe(lookupHash(keys, 'id_number', '13812341234'));
    expect(lookupHash(keys, 'phone', '13812341234')).not.toBe(lookupHash(otherKeys, 'phone', '13812341234'));
    expect(lookupHash(keys, 'phone', '13812341234')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('masks as the issue shows', () => {
    expect(maskIdNumber('440605199001011234')).toBe('4406**********1234');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('075786281234')).toBe('075****1234');
    expect(maskPhone('0757-8628-1234')).toBe('075****1234');
    expect(maskPhone('1234567')).toBe('****');
  });

  it('normalizes mobile and landline numbers', () => {
    expect(normalizePhone('138 1234 1234')).toBe('13812341234');
    expect(normalizePhone('+8613812341234')).toBe('13812341234');
    expect(normalizePhone('0757-86281234')).toBe('075786281234');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('23812341234')).toBeNull();
  });
});
