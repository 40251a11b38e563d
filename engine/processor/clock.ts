// Engine time. Timers, job deadlines and back-offs read this clock, so tests
// and the procedure simulator can move time forward instead of sleeping.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move (like zeebe-process-test's IncreaseTime). */
export class ControlledClock implements Clock {
  private offsetMs = 0;
  private listeners = new Set<() => void>();

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** Moves time forward; the engine fires every timer now due. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('time only moves forward');
    this.offsetMs += ms;
    for (const listener of this.listeners) listener();
  }

  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
