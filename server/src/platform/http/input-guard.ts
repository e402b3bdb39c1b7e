import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import { fieldLabel } from '../../locales/fields.zh-CN.ts';
import { hasForbiddenCharacter } from './schemas.ts';

/**
 * Every string of every request — body, query and path, keys included — is held to the shared
 * string schema's rule before the route's own schema runs: a character PostgreSQL refuses is a
 * 400 naming the field, never a database error or a silently dropped audit row.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields: FieldError[] = [];
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      collect(value, [], fields, part);
    }
    if (fields.length > 0) {
      throw new AppError('VALIDATION_FAILED', `${zhCN.validation.failed}：${fields[0]!.message}`, fields.slice(0, 20));
    }
  });
}

function collect(value: unknown, path: string[], out: FieldError[], part: string, depth = 0): void {
  if (out.length >= 20 || depth > 32) return;
  if (typeof value === 'string') {
    if (hasForbiddenCharacter(value)) out.push(problem(path.length ? path : [part]));
    return;
  }
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, [...path, String(i)], out, part, depth + 1));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (hasForbiddenCharacter(key)) {
      out.push(problem([...path, '(字段名)']));
      continue;
    }
    collect(v, [...path, key], out, part, depth + 1);
  }
}

function problem(path: string[]): FieldError {
  const field = path.join('.');
  return { field, message: `${fieldLabel(field)}：${zhCN.validation.forbiddenCharacter}` };
}
