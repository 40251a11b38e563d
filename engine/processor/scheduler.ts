// Fires timers when they fall due by the engine clock, and wakes workers when
// job back-offs and deadlines pass. Sleeps until the next due instant (at
// most a second, in case another engine process changed the tables), and at
// once when the clock is moved or a command adds a timer.
import type { ControlledClock } from './clock.js';
import type { Commands } from './commands.js';

const MAX_SLEEP_MS = 1000;

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

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
    let fired: number;
    do fired = await this.commands.fireDueTimers();
    while (fired > 0 && !this.stopped);
    this.wakeWorkers();
    if (this.stopped) return;
    const next = await this.commands.nextDue();
    const now = this.commands.clock.now().getTime();
    const wait = next ? Math.min(Math.max(next.getTime() - now, 0), MAX_SLEEP_MS) : MAX_SLEEP_MS;
    this.timer = setTimeout(() => this.poke(), Math.max(wait, 5));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.settle();
  }
}
