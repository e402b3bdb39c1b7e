import crypto from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type FieldError } from '../errors.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import { fieldLabel } from '../../locales/fields.zh-CN.ts';

/** Maps every error to the one body shape; 5xx bodies say nothing about the cause. */
export function registerErrorHandler(app: FastifyInstance, web: { indexHtml: string | null }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'DATABASE_UNAVAILABLE') request.log.warn({ err: error }, 'database unavailable');
    else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, fields: appError.fields }, appError.userMessage);
    if (appError.status === 429 && appError.retryAfterSeconds) reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply.status(appError.status).send(errorBody(appError, String(request.id)));
  });

  app.setNotFoundHandler((request, reply) => {
    if (web.indexHtml && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(web.indexHtml);
    }
    const body: ErrorBody = { code: 'NOT_FOUND', message: zhCN.http.notFound, requestId: String(request.id) };
    return reply.status(404).send(body);
  });
}

/**
 * Fastify's `frameworkErrors`: a bad URL or an over-long path parameter (414) is answered in the
 * product's format, without echoing the path.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError('URI_TOO_LONG', zhCN.validation.requestTooLong) : toAppError(error);
  request.log.info({ code: appError.code }, appError.userMessage);
  reply.header('x-request-id', request.id);
  void reply.status(appError.status).send(errorBody(appError, String(request.id)));
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers or URL too large,
 * malformed request line, a body or headers not sent in time): the answer still has the
 * product's body and a request id, and never echoes the input.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException & { bytesParsed?: number }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE', zhCN.validation.headersTooLarge)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('REQUEST_TIMEOUT', zhCN.validation.timeout)
        : new AppError('BAD_REQUEST', zhCN.validation.badRequest);
  const requestId = crypto.randomUUID();
  const body = JSON.stringify(errorBody(appError, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_TEXT[appError.status] ?? 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function errorBody(appError: AppError, requestId: string): ErrorBody {
  return {
    code: appError.code,
    message: appError.userMessage,
    ...(appError.fields ? { fields: appError.fields } : {}),
    requestId,
  };
}

export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: FieldError[] = error.validation.map((v) => {
      const path = [error.validationContext, ...v.instancePath.split('/').filter(Boolean)];
      const field = path.slice(1).join('.') || String(error.validationContext ?? '');
      const params = v.params as { keys?: string[] };
      if (v.keyword === 'unrecognized_keys') {
        const key = [...path.slice(1), params.keys?.join(', ') ?? ''].join('.');
        return { field: key, message: zhCN.validation.unknownField(key) };
      }
      return { field, message: `${fieldLabel(field)}：${v.message}` };
    });
    const first = fields[0];
    return new AppError(
      'VALIDATION_FAILED',
      first ? `${zhCN.validation.failed}：${first.message}` : zhCN.validation.failed,
      fields,
    );
  }
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE', zhCN.http.databaseUnavailable, undefined, error.message);
  const pgCode = postgresErrorCode(error);
  if (pgCode === '23505') return new AppError('DUPLICATE', '记录已存在，不能重复创建');
  if (pgCode === '23503') return new AppError('VALIDATION_FAILED', '引用的记录不存在或仍被其他记录使用');
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') return new AppError('VALIDATION_FAILED', zhCN.validation.invalidType);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', zhCN.validation.unsupportedMediaType);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', zhCN.validation.tooLarge);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', zhCN.validation.badJson);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URI_TOO_LONG', zhCN.validation.requestTooLong);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', zhCN.validation.unsupportedMediaType);
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('BAD_REQUEST', zhCN.validation.badMultipart);
  }
  // busboy throws plain errors for a multipart body it cannot read (no boundary, cut short)
  if (/^(Multipart: |Unexpected end of (form|multipart)|Malformed part header)/.test(error.message ?? '')) {
    return new AppError('BAD_REQUEST', zhCN.validation.badMultipart, undefined, error.message);
  }
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', zhCN.validation.tooLarge);
  if (error.statusCode === 400 && error instanceof SyntaxError) return new AppError('BAD_REQUEST', zhCN.validation.badJson);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', zhCN.validation.failed, undefined, error.message);
  }
  return new AppError('INTERNAL', zhCN.http.internal, undefined, error.message);
}

/** Drizzle wraps driver errors; the SQLSTATE is on the error or its cause. */
function postgresErrorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
