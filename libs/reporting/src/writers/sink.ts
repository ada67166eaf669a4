import { once } from 'node:events';
import { Writable } from 'node:stream';

/** Writes a chunk and waits for 'drain' when the stream asks for it: backpressure from the file. */
export async function write(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Calls `progress` at most every `every` rows, so a million-row file updates its report ~100 times. */
export class RowCounter {
  count = 0;
  private last = 0;
  constructor(
    private readonly progress: (n: number) => Promise<void>,
    private readonly every = 10_000,
  ) {}

  async tick(): Promise<void> {
    await this.set(this.count + 1);
  }

  /** Rows written so far, as counted elsewhere (a section PostgreSQL writes itself). */
  async set(count: number): Promise<void> {
    this.count = count;
    if (this.count - this.last >= this.every) {
      this.last = this.count;
      await this.progress(this.count);
    }
  }
}
