import type { ErrorBody, FieldError } from '@server/platform/errors.ts';
import { t } from '../locales/zh-CN.ts';

/** An error the API answered with (or a network failure, status 0). `message` is for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | null;

  constructor(init: { status: number; code: string; message: string; fields?: FieldError[]; requestId?: string | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Appends the parameters that have a value; empty strings count as "no filter". */
export function withQuery(path: string, params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Extra request headers, e.g. a device's key (`x-device-key`). */
export type RequestOptions = { headers?: Record<string, string> };

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', params ? withQuery(path, params) : path),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A multipart upload; the browser sets the content type with its boundary. */
  upload: <T>(method: 'POST' | 'PUT', path: string, form: FormData) => request<T>(method, path, form),
  /** A POST whose answer is a file (an export): the body comes back as a Blob; errors as ApiError. */
  download: async (path: string, body: unknown): Promise<Blob> => {
    const response = await send('POST', path, body);
    if (response.ok) return response.blob();
    throw toApiError(response, await response.json().catch(() => undefined));
  },
};

async function request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, body, options);
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  throw toApiError(response, payload);
}

/** The one place the web app calls `fetch` for the API. */
async function send(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<Response> {
  try {
    const isForm = body instanceof FormData;
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined || isForm ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }),
        ...options?.headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: t.errors.network });
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  if (isErrorBody(payload)) return new ApiError({ status: response.status, ...payload });
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: t.errors.http(response.status),
    requestId: response.headers.get('x-request-id'),
  });
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}
