export interface BatcherOptions<In> {
  /** at most this many items a batch */
  maxItems: number;
  /** and at most about this much of them (an item larger than this goes alone) */
  maxWeight: number;
  weigh: (item: In) => number;
  /** batches under way at once: while one waits for the database, the next is being prepared */
  concurrency: number;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (result: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups work that arrives while earlier work is under way: an item starts at once while fewer
 * than `concurrency` batches run, and whatever arrives meanwhile waits and goes together in the
 * next batch. A caller alone loses no time; many callers at once share one batch's fixed costs (a
 * transaction, its commit, its reads). `work` answers each item of a batch with its result or its
 * own error.
 */
export class Batcher<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private running = 0;

  constructor(
    private readonly work: (items: In[]) => Promise<(Out | Error)[]>,
    private readonly options: BatcherOptions<In>,
  ) {}

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.running < this.options.concurrency) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running += 1;
    try {
      while (this.waiting.length > 0) {
        const batch = this.take();
        let results: (Out | Error)[];
        try {
          results = await this.work(batch.map((entry) => entry.item));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
          continue;
        }
        // one result per item, in order
        batch.forEach((entry, i) => {
          const result = results[i] as Out | Error;
          if (result instanceof Error) entry.reject(result);
          else entry.resolve(result);
        });
      }
    } finally {
      this.running -= 1;
    }
  }

  private take(): Waiting<In, Out>[] {
    let weight = 0;
    let count = 0;
    for (const entry of this.waiting) {
      weight += this.options.weigh(entry.item);
      if (count > 0 && (count >= this.options.maxItems || weight > this.options.maxWeight)) break;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }
}
