import type { Config } from '../../../config.ts';
import { invalidField } from '../../../platform/errors.ts';
import { decryptField, lookupHash, normalizePhone, personalDataKeys, sealPhone, type SealedPhone } from '../../../platform/personal-data/personal-data.ts';

type Keys = Pick<Config, 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY'>;

/**
 * A visitor's phone number is personal data: a ticket keeps it encrypted, masked for responses and
 * hashed for the desk's search, never in clear. Given at the kiosk, the guidance desk or a counter.
 */
export function sealTicketPhone(config: Keys, raw: string | null | undefined): SealedPhone | null {
  if (!raw) return null;
  const phone = normalizePhone(raw);
  if (!phone) throw invalidField('phone', '请填写 11 位手机号或带区号的固定电话');
  return sealPhone(personalDataKeys(config), phone);
}

/** The keyed hash the desk's search compares with, or null when the text is not a phone number. */
export function ticketPhoneHash(config: Keys, text: string): string | null {
  const phone = normalizePhone(text);
  return phone ? lookupHash(personalDataKeys(config), 'phone', phone) : null;
}

/** The full number, for the one use that needs it: an application received from the ticket in hand. */
export function openTicketPhone(config: Keys, phoneCipher: string | null): string | null {
  return phoneCipher ? decryptField(personalDataKeys(config), 'phone', phoneCipher) : null;
}
