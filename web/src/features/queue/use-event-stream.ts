import { useEffect, useEffectEvent, useState } from 'react';

/** How long to wait before opening a stream again after the server refused it (429: too many streams; its Retry-After). */
const REFUSED_RETRY_MS = 30_000;

/**
 * A server-sent event stream: `snapshot` on every (re)connection, `update` after each event.
 * The browser's EventSource reconnects by itself after a dropped connection; the next snapshot
 * catches the page up. An answer that is not a stream (429 when the server holds too many, 5xx)
 * makes EventSource give up for good, so the page opens a new one after a while.
 */
export function useEventStream<T>(url: string | null, onMessage: (data: T, kind: 'snapshot' | 'update') => void): { isConnected: boolean } {
  const [isConnected, setConnected] = useState(false);
  const handle = useEffectEvent((data: T, kind: 'snapshot' | 'update') => onMessage(data, kind));
  useEffect(() => {
    if (!url) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const on = (kind: 'snapshot' | 'update') => (event: MessageEvent<string>) => {
      setConnected(true);
      handle(JSON.parse(event.data) as T, kind);
    };
    const open = () => {
      source = new EventSource(url);
      source.addEventListener('snapshot', on('snapshot'));
      source.addEventListener('update', on('update'));
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(open, REFUSED_RETRY_MS * (1 + Math.random() / 2));
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [url]);
  return { isConnected };
}

/** The latest message of a stream, as state. */
export function useStreamedState<T>(url: string | null): { data: T | null; isConnected: boolean } {
  const [data, setData] = useState<T | null>(null);
  const { isConnected } = useEventStream<T>(url, (next) => setData(next));
  return { data, isConnected };
}
