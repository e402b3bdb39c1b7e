import type { FormInstance } from 'antd';
import { isApiError } from '../../../../lib/api.ts';

/**
 * Puts the server's messages under the guide form's fields ("guide.materials.0.name" lands on
 * materials[0].name) and returns every message, for the list above the form.
 */
export function applyGuideErrors(form: FormInstance, error: unknown): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const { field, message } of error.fields) {
    const name = field
      .replace(/^guide\./, '')
      .split('.')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return error.fields.map((f) => f.message);
}
