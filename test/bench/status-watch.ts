// The applicant bot's view of one dossier: its live stream
// (GET /api/v1/dossiers/:id/stream), open from the submit to the returned
// result, and every status code it has sent, so that a wait for a status
// that came meanwhile ends at once.
import { openEventStream } from '../support/event-stream-client.js';

export class StatusWatch {
  private readonly seen = new Set<number>();
  private readonly waiting = new Map<number, () => void>();

  private constructor(private readonly stream: Awaited<ReturnType<typeof openEventStream>>) {}

  static async open(base: string, cookie: string, dossierId: string): Promise<StatusWatch> {
    const stream = await openEventStream(`${base}/api/v1/dossiers/${dossierId}/stream`, cookie);
    if (stream.res.status !== 200) throw new Error(`dossier stream: ${stream.res.status}`);
    const watch = new StatusWatch(stream);
    void watch.read();
    return watch;
  }

  private async read(): Promise<void> {
    for (;;) {
      const received = await this.stream
        .next<{ statusCode: number | null }>(3_600_000)
        .catch(() => null);
      if (!received) return;
      const code = received.data.statusCode;
      if (code === null) continue;
      this.seen.add(code);
      this.waiting.get(code)?.();
    }
  }

  /** Resolves once the dossier has had `statusCode`. */
  reached(statusCode: number, timeoutMs: number): Promise<void> {
    if (this.seen.has(statusCode)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(statusCode);
        reject(new Error(`timed out waiting for status ${statusCode}`));
      }, timeoutMs);
      this.waiting.set(statusCode, () => {
        clearTimeout(timer);
        this.waiting.delete(statusCode);
        resolve();
      });
    });
  }

  close(): void {
    this.stream.close();
  }
}
