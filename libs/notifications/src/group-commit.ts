interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: callers submit one item each and wait for its result; whatever was submitted while
 * the previous statement ran goes to the database as ONE statement. With n senders working at once
 * a round trip serves up to n messages, and a lone sender still waits for one round trip only.
 * `flush` returns one result per item, in order; when it throws, every item of that group rejects.
 */
export class GroupCommit<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private running = false;

  constructor(private readonly flush: (items: T[]) => Promise<R[]>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      // Let the submissions of the same tick join the first group.
      await new Promise((r) => setImmediate(r));
      while (this.waiting.length) {
        const group = this.waiting.splice(0, this.waiting.length);
        try {
          const results = await this.flush(group.map((g) => g.item));
          group.forEach((g, i) => g.resolve(results[i]));
        } catch (err) {
          group.forEach((g) => g.reject(err));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
