import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS, type ErrorCode } from './errors.ts';

describe('AppError', () => {
  it('maps every code to one HTTP status, 4xx for the caller’s mistakes and 5xx for ours', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const err = new AppError(code as ErrorCode, '消息');
      expect(err.status).toBe(status);
      expect(['INTERNAL', 'UNAVAILABLE', 'DATABASE_UNAVAILABLE'].includes(code) ? status >= 500 : status < 500).toBe(true);
    }
  });

  it('keeps the message for people apart from the internal one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(ERROR_STATUS) as ErrorCode[])), fc.string(), fc.option(fc.string(), { nil: undefined }), (code, user, internal) => {
        const err = new AppError(code, user, undefined, internal);
        expect(err.userMessage).toBe(user);
        expect(err.message).toBe(internal ?? `${code}: ${user}`);
      }),
    );
  });
});
