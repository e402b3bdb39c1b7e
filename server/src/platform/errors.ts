/**
 * The one error type. `code` is stable (clients and tests match on it), the message is the
 * Chinese text a person reads, and the status comes from one map at the edge.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  STALE_VERSION: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** shown to the person: Simplified Chinese, naming the field where there is one */
    readonly userMessage: string,
    readonly fields?: FieldError[],
    /** for the log only, never sent */
    internal?: string,
  ) {
    super(internal ?? `${code}: ${userMessage}`);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError('FORBIDDEN', message);
export const duplicate = (field: string, message: string) =>
  new AppError('DUPLICATE', message, [{ field, message }]);
export const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ field, message }]);

export type ErrorBody = { code: ErrorCode; message: string; fields?: FieldError[]; requestId: string };
