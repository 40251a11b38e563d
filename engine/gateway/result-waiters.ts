// CreateProcessInstanceWithResult callers wait here for their instance to
// complete. An instance is marked as awaited inside the transaction that
// creates it, so a completion that commits before the caller starts waiting
// is kept for it, not lost.
import { EngineError } from '../processor/engine-error.js';

interface Awaited {
  result?: Record<string, unknown>;
  resolve?: (variables: Record<string, unknown>) => void;
}

export class ResultWaiters {
  private readonly awaited = new Map<string, Awaited>();

  expect(processInstanceKey: string): void {
    this.awaited.set(processInstanceKey, {});
  }

  completed(processInstanceKey: string, variables: Record<string, unknown>): void {
    const entry = this.awaited.get(processInstanceKey);
    if (!entry) return;
    if (entry.resolve) {
      this.awaited.delete(processInstanceKey);
      entry.resolve(variables);
    } else {
      entry.result = variables;
    }
  }

  wait(processInstanceKey: string, timeoutMs: number): Promise<Record<string, unknown>> {
    const entry = this.awaited.get(processInstanceKey) ?? {};
    if (entry.result) {
      this.awaited.delete(processInstanceKey);
      return Promise.resolve(entry.result);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.awaited.delete(processInstanceKey);
        reject(
          new EngineError(
            'DEADLINE_EXCEEDED',
            `Expected process instance '${processInstanceKey}' to complete within ${timeoutMs} ms, but it did not`,
          ),
        );
      }, timeoutMs);
      entry.resolve = (variables) => {
        clearTimeout(timer);
        resolve(variables);
      };
      this.awaited.set(processInstanceKey, entry);
    });
  }
}
