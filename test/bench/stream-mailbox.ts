// What a bot hears on a live stream (the officer's worklist, a dossier),
// filed by key until the bot asks for it: a wait for something that came
// meanwhile ends at once. The stream is open before what it waits for can
// happen, so nothing is missed.
import { openEventStream, type ReceivedEvent } from '../support/event-stream-client.js';

export class StreamMailbox<T> {
  private readonly arrived = new Map<string, T>();
  private readonly waiting = new Map<string, (value: T) => void>();

  private constructor(private readonly stream: Awaited<ReturnType<typeof openEventStream>>) {}

  /** Opens the stream; `file` names the key and value of an event worth keeping (null: none). */
  static async open<T>(
    url: string,
    cookie: string,
    file: (event: ReceivedEvent<Record<string, unknown>>) => [key: string, value: T] | null,
  ): Promise<StreamMailbox<T>> {
    const stream = await openEventStream(url, cookie);
    if (stream.res.status !== 200) throw new Error(`${url}: ${stream.res.status}`);
    const mailbox = new StreamMailbox<T>(stream);
    void mailbox.read(file);
    return mailbox;
  }

  private async read(
    file: (event: ReceivedEvent<Record<string, unknown>>) => [string, T] | null,
  ): Promise<void> {
    for (;;) {
      // A quiet stream sends nothing for a while: wait as long as the run may last.
      const received = await this.stream.next<Record<string, unknown>>(3_600_000).catch(() => null);
      if (!received) return;
      const filed = file(received);
      if (!filed) continue;
      const [key, value] = filed;
      const waiter = this.waiting.get(key);
      if (waiter) {
        this.waiting.delete(key);
        waiter(value);
      } else this.arrived.set(key, value);
    }
  }

  /** What came (or comes) under `key`; rejects after `timeoutMs`. */
  take(key: string, timeoutMs: number): Promise<T> {
    if (this.arrived.has(key)) {
      const value = this.arrived.get(key)!;
      this.arrived.delete(key);
      return Promise.resolve(value);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`timed out waiting for ${key}`));
      }, timeoutMs);
      this.waiting.set(key, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }

  close(): void {
    this.stream.close();
  }
}
