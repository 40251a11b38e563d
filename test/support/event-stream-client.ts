// A Server-Sent Events client on fetch, for the tests and the benchmarks'
// bots: the next event (heartbeat comments skipped), or the stream's end.

export interface ReceivedEvent<T = unknown> {
  event: string;
  id: string;
  data: T;
}

export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openEventStream(url: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    res,
    close: () => controller.abort(),
    /** The next event. */
    async next<T = unknown>(ms = 15_000): Promise<ReceivedEvent<T>> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) continue;
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2) ?? '';
          return { event: field('event'), id: field('id'), data: JSON.parse(field('data')) as T };
        }
        const { value, done } = await within(reader.read(), ms, 'a stream event');
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    /** Resolves when the server ends the stream. */
    async ended(ms = 5_000): Promise<void> {
      for (;;) {
        const { done } = await within(reader.read(), ms, 'the end of the stream');
        if (done) return;
      }
    },
  };
}
