import type { FormInstance } from 'antd';
import { t } from '../locales/zh-CN.ts';
import { isApiError } from './api.ts';

/** Puts the server's per-field messages under the form's own fields ("roles.0" lands on "roles"). */
export function applyFieldErrors(form: FormInstance, error: unknown): void {
  if (!isApiError(error) || error.fields.length === 0) return;
  const known = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.fields) {
    const name = field.split('.')[0] ?? field;
    if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}

/** Trims text inputs and turns empty optional fields into null, the server's "no value". */
export const emptyToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The server's password rule (at least 8 characters, letters and digits), checked before sending. */
export const passwordRules = [
  { required: true, message: t.common.required },
  { min: 8, message: t.password.ruleLength },
  {
    validator: (_: unknown, value: string | undefined) =>
      !value || (/[A-Za-z]/.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error(t.password.ruleMix)),
  },
];

/** A "type it again" field's rule: it must equal `field`. */
export const mustMatch =
  (field: string, message: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: unknown) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message)),
  });

/** The 6-digit code of an authenticator app, checked before sending. */
export const totpCodeRules = [
  { required: true, message: t.totp.codeRule },
  { pattern: /^\d{6}$/, message: t.totp.codeRule },
];
