import type { Config } from '../../../config.ts';
import { invalidField } from '../../../platform/errors.ts';
import { encryptField, lookupHash, maskPhone, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';

/** Who books: an enterprise (by USCC) or a person; both leave a phone number for the messages. */
export type ApplicantInput = { uscc: string | null; phone: string };

export type Applicant = {
  type: 'enterprise' | 'person';
  uscc: string | null;
  /** one active booking per applicant, item and day is counted on this */
  key: string;
  phone: string;
  phoneEncrypted: string;
  phoneHash: string;
  phoneMasked: string;
  /** how staff and the block list name the applicant without personal data */
  label: string;
};

export function applicantOf(config: Config, input: ApplicantInput): Applicant {
  const phone = normalizePhone(input.phone);
  if (!phone) throw invalidField('phone', '手机号码格式不正确');
  const keys = personalDataKeys(config);
  const phoneHash = lookupHash(keys, 'phone', phone);
  const phoneMasked = maskPhone(phone);
  const uscc = input.uscc?.toUpperCase() ?? null;
  return {
    type: uscc ? 'enterprise' : 'person',
    uscc,
    key: uscc ? `uscc:${uscc}` : `phone:${phoneHash}`,
    phone,
    phoneEncrypted: encryptField(keys, 'phone', phone),
    phoneHash,
    phoneMasked,
    label: uscc ?? phoneMasked,
  };
}

/** The keyed hash of a phone number as typed, or null when it is not one. */
export function phoneHashOf(config: Config, input: string): string | null {
  const phone = normalizePhone(input);
  return phone ? lookupHash(personalDataKeys(config), 'phone', phone) : null;
}
