import crypto from 'node:crypto';
import type { Config } from '../../config.ts';
import { AppError } from '../errors.ts';

/**
 * Personal data (ID and phone numbers) at rest: SM4-CBC with a random IV, then HMAC-SM3 over
 * version, field name, IV and ciphertext (encrypt-then-MAC; Node has no sm4-gcm). The field name
 * in the MAC stops a phone ciphertext from being passed off as an ID number. A separate keyed
 * hash (HMAC-SM3) finds a number exactly without decrypting. Keys come from configuration only.
 * Staff members' second-factor secrets (`totp_secret`) are kept the same way.
 */

/** The field an encrypted value belongs to (bound by its MAC); `totp_secret` is a staff member's second-factor secret. */
export type PersonalField = 'id_number' | 'phone' | 'totp_secret';

export type PersonalDataKeys = { encryptionKey: Buffer; macKey: Buffer; hashKey: Buffer };

const VERSION = 'v1';
const IV_BYTES = 16;
const MAC_BYTES = 32;

export function personalDataKeys(config: Pick<Config, 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY'>): PersonalDataKeys {
  const key = Buffer.from(config.PERSONAL_DATA_KEY, 'hex');
  return { encryptionKey: key.subarray(0, 16), macKey: key.subarray(16, 32), hashKey: Buffer.from(config.PERSONAL_DATA_HASH_KEY, 'hex') };
}

/** `v1.` + base64url(IV ‖ ciphertext ‖ MAC) */
export function encryptField(keys: PersonalDataKeys, field: PersonalField, plaintext: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('sm4-cbc', keys.encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = macOf(keys, field, iv, ciphertext);
  return `${VERSION}.${Buffer.concat([iv, ciphertext, mac]).toString('base64url')}`;
}

export function decryptField(keys: PersonalDataKeys, field: PersonalField, token: string): string {
  const [version, body] = token.split('.');
  const bytes = body ? Buffer.from(body, 'base64url') : Buffer.alloc(0);
  if (version !== VERSION || bytes.length < IV_BYTES + 16 + MAC_BYTES) throw unreadable();
  const iv = bytes.subarray(0, IV_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES, bytes.length - MAC_BYTES);
  const mac = bytes.subarray(bytes.length - MAC_BYTES);
  if (!crypto.timingSafeEqual(mac, macOf(keys, field, iv, ciphertext))) throw unreadable();
  const decipher = crypto.createDecipheriv('sm4-cbc', keys.encryptionKey, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/** The keyed hash that finds a number exactly (hex HMAC-SM3 of the normalized value). */
export function lookupHash(keys: PersonalDataKeys, field: PersonalField, normalized: string): string {
  return crypto.createHmac('sm3', keys.hashKey).update(`${field}:${normalized}`).digest('hex');
}

/** A phone number as a table keeps it: encrypted, masked for responses, and hashed to be found exactly. */
export type SealedPhone = { phoneCipher: string; phoneMasked: string; phoneHash: string };

/** Seals a normalized phone number (see `normalizePhone`). */
export function sealPhone(keys: PersonalDataKeys, normalized: string): SealedPhone {
  return { phoneCipher: encryptField(keys, 'phone', normalized), phoneMasked: maskPhone(normalized), phoneHash: lookupHash(keys, 'phone', normalized) };
}

/** The three phone columns of a row: sealed, or all empty when there is no (valid) number. */
export type PhoneColumns = SealedPhone | { phoneCipher: null; phoneMasked: null; phoneHash: null };

export function sealPhoneIfAny(keys: PersonalDataKeys, normalized: string | null): PhoneColumns {
  return normalized ? sealPhone(keys, normalized) : { phoneCipher: null, phoneMasked: null, phoneHash: null };
}

/** `440605199001011234` → `4406**********1234` */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/**
 * The one way a phone number is shown masked: the first 3 and the last 4 digits around exactly four
 * asterisks, whatever the length (`13812341234` → `138****1234`, `075786281234` → `075****1234`);
 * fewer than 8 digits show nothing but `****`. Separators are dropped.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Mainland mobile numbers and landlines (area code, optional hyphen, 7–8 digits), stored without separators. */
export function normalizePhone(input: string): string | null {
  const phone = input.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return phone;
  if (/^0\d{2,3}\d{7,8}$/.test(phone)) return phone;
  return null;
}

function macOf(keys: PersonalDataKeys, field: PersonalField, iv: Buffer, ciphertext: Buffer): Buffer {
  return crypto.createHmac('sm3', keys.macKey).update(`${VERSION}:${field}:`).update(iv).update(ciphertext).digest();
}

function unreadable(): AppError {
  return new AppError('INTERNAL', '该记录的个人信息无法解密：加密密钥与写入时不一致或数据已损坏，请联系系统管理员', undefined, 'personal data MAC check failed');
}
