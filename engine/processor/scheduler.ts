// Fires timers when they fall due by the engine clock, drops buffered
// messages past their TTL, and wakes workers when job back-offs and deadlines
// pass. Sleeps until the next due instant (at most a second, in case another
// engine process changed the tables), and at once when the clock is moved or
// a command adds a timer.
import type { ControlledClock } from './clock.js';
import type { Commands } from './commands.js';

const MAX_SLEEP_MS = 1000;
// Timers one command fires at most; more due ones go to the next.
const TIMER_BATCH = 100;

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** The next job back-off or deadline; the epoch at start, so workers are woken once then. */
  private jobsDue: Date | null = new Date(0);
  /** The next buffered message expiry; the epoch at start, to look once. */
  private messagesDue: Date | null = new Date(0);

  constructor(
    private readonly commands: Commands,
    private readonly wakeWorkers: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(clock: ControlledClock | null): () => void {
    const detach = clock?.onAdvance(() => this.poke()) ?? (() => undefined);
    this.poke();
    return detach;
  }

  /** Run now (or right after the current run). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.tick()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Resolves once every timer due now has fired. */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async tick(): Promise<void> {
    const now = this.commands.clock.now();
    const due = (at: Date | null) => at !== null && at.getTime() <= now.getTime();
    let expire = due(this.messagesDue);
    let fired: number;
    do {
      fired = await this.commands.fireDueTimers(expire, TIMER_BATCH);
      expire = false;
    } while (fired === TIMER_BATCH && !this.stopped);
    if (due(this.jobsDue)) this.wakeWorkers();
    if (this.stopped) return;
    const next = await this.commands.nextDue(now);
    this.jobsDue = next.job;
    this.messagesDue = next.message;
    const at = [next.timer, next.message, next.job]
      .filter((d): d is Date => d !== null)
      .map((d) => d.getTime());
    const wait = at.length
      ? Math.min(Math.max(Math.min(...at) - this.commands.clock.now().getTime(), 0), MAX_SLEEP_MS)
      : MAX_SLEEP_MS;
    this.timer = setTimeout(() => this.poke(), Math.max(wait, 5));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.settle();
  }
}
