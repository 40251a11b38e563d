// An officer bot's inbox: one live worklist stream (GET /api/v1/tasks/stream)
// kept open for the whole run, each task it sends filed by dossier and BPMN
// element until the bot that drives that dossier asks for it. The stream is
// open before any dossier is submitted, so no task is missed.
import { openEventStream } from '../support/event-stream-client.js';

interface StreamedTask {
  id: string;
  dossierId: string;
  elementId: string;
}

export class TaskInbox {
  private readonly arrived = new Map<string, string>();
  private readonly waiting = new Map<string, (taskId: string) => void>();
  private closed = false;

  private constructor(private readonly stream: Awaited<ReturnType<typeof openEventStream>>) {}

  static async open(base: string, cookie: string): Promise<TaskInbox> {
    const stream = await openEventStream(`${base}/api/v1/tasks/stream`, cookie);
    if (stream.res.status !== 200) throw new Error(`task stream: ${stream.res.status}`);
    const first = await stream.next();
    if (first.event !== 'ready') throw new Error(`task stream: ${first.event} before ready`);
    const inbox = new TaskInbox(stream);
    void inbox.read();
    return inbox;
  }

  private async read(): Promise<void> {
    while (!this.closed) {
      // A quiet worklist sends nothing for a while: wait as long as the run may last.
      const received = await this.stream.next<StreamedTask>(3_600_000).catch(() => null);
      if (!received) return;
      if (received.event !== 'task') continue;
      const key = `${received.data.dossierId}/${received.data.elementId}`;
      const waiter = this.waiting.get(key);
      if (waiter) {
        this.waiting.delete(key);
        waiter(received.data.id);
      } else this.arrived.set(key, received.data.id);
    }
  }

  /** The task at `elementId` of the dossier, once the stream has sent it. */
  take(dossierId: string, elementId: string, timeoutMs: number): Promise<string> {
    const key = `${dossierId}/${elementId}`;
    const arrived = this.arrived.get(key);
    if (arrived) {
      this.arrived.delete(key);
      return Promise.resolve(arrived);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`timed out waiting for ${elementId}`));
      }, timeoutMs);
      this.waiting.set(key, (taskId) => {
        clearTimeout(timer);
        resolve(taskId);
      });
    });
  }

  close(): void {
    this.closed = true;
    this.stream.close();
  }
}
