import { expect } from 'vitest';

/**
 * Reads a server-sent event stream in a test, keeping every message it gets; `waitFor` polls them.
 * `check` looks at the response (its status or content type) before the stream is read.
 */
export function openEventStream<T = unknown>(url: string, options: { headers?: Record<string, string>; timeoutMs?: number; check?: (res: Response) => void } = {}) {
  const { headers = {}, timeoutMs = 3000, check = (res) => expect(res.headers.get('content-type')).toContain('text/event-stream') } = options;
  const controller = new AbortController();
  const messages: { event: string; data: T }[] = [];
  const ready = fetch(url, { signal: controller.signal, headers }).then(async (res) => {
    check(res);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) messages.push({ event, data: JSON.parse(data) as T });
          }
        }
      } catch {
        // aborted
      }
    })();
  });
  return {
    messages,
    ready,
    close: () => controller.abort(),
    async waitFor<U = T>(match: (data: U, event: string) => boolean, ms = timeoutMs): Promise<U> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = messages.find((m) => match(m.data as unknown as U, m.event));
        if (found) return found.data as unknown as U;
        if (Date.now() > deadline) throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
