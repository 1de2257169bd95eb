// Per-key debouncing: the latest request for a key replaces any pending one, and a pending
// task can be run at once when someone needs its result now.
export class Debouncer<K> {
  private readonly pending = new Map<K, { timer: NodeJS.Timeout; task: () => void }>();

  schedule(key: K, delayMs: number, task: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.pending.delete(key);
      task();
    }, delayMs);
    this.pending.set(key, { timer, task });
  }

  /** Runs the pending task for `key` now; false when nothing was pending. */
  flush(key: K): boolean {
    const entry = this.pending.get(key);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    entry.task();
    return true;
  }

  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  cancel(key: K): void {
    const entry = this.pending.get(key);
    if (entry) {
      clearTimeout(entry.timer);
      this.pending.delete(key);
    }
  }

  dispose(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }
}
