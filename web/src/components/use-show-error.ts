import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../lib/api.ts';
import { t } from '../locales/zh-CN.ts';

/** Shows an error's message; server faults also show the request number people quote to support. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback((error: unknown) => void message.error(describeError(error)), [message]);
}

export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.unexpected;
  if (error.status >= 500 && error.requestId) return `${error.message}（${t.errors.requestId(error.requestId)}）`;
  return error.message;
}
