import { useEffect, useEffectEvent, useState } from 'react';

/**
 * A server-sent event stream: `snapshot` on every (re)connection, `update` after each event.
 * The browser's EventSource reconnects by itself; the next snapshot catches the page up.
 */
export function useEventStream<T>(url: string | null, onMessage: (data: T, kind: 'snapshot' | 'update') => void): { isConnected: boolean } {
  const [isConnected, setConnected] = useState(false);
  const handle = useEffectEvent((data: T, kind: 'snapshot' | 'update') => onMessage(data, kind));
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    const on = (kind: 'snapshot' | 'update') => (event: MessageEvent<string>) => {
      setConnected(true);
      handle(JSON.parse(event.data) as T, kind);
    };
    source.addEventListener('snapshot', on('snapshot'));
    source.addEventListener('update', on('update'));
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [url]);
  return { isConnected };
}

/** The latest message of a stream, as state. */
export function useStreamedState<T>(url: string | null): { data: T | null; isConnected: boolean } {
  const [data, setData] = useState<T | null>(null);
  const { isConnected } = useEventStream<T>(url, (next) => setData(next));
  return { data, isConnected };
}
