/**
 * How many of a set of `[start, end)` ranges overlap at each moment, as a step function, with a cursor
 * that only moves forward while queries within one opening window move forward in time.
 */
export class Occupancy {
  /** `counts[i]` holds from `times[i]` until `times[i + 1]`; 0 before the first and after the last. */
  private readonly times: number[] = [];
  private readonly counts: number[] = [];
  private cursor = 0;

  constructor(ranges: readonly { start: number; end: number }[]) {
    const events: [number, number][] = [];
    for (const { start, end } of ranges) {
      if (end <= start) continue;
      events.push([start, 1], [end, -1]);
    }
    events.sort((a, b) => a[0] - b[0]);
    let count = 0;
    for (const [at, delta] of events) {
      count += delta;
      if (this.times[this.times.length - 1] === at) this.counts[this.counts.length - 1] = count;
      else {
        this.times.push(at);
        this.counts.push(count);
      }
    }
  }

  /** The most ranges that overlap at one moment of `[start, end)`; `start` must not be before the previous query's. */
  maxWithin(start: number, end: number): number {
    const { times, counts } = this;
    while (this.cursor + 1 < times.length && times[this.cursor + 1]! <= start) this.cursor++;
    let max = 0;
    for (let i = this.cursor; i < times.length && times[i]! < end; i++) {
      const until = i + 1 < times.length ? times[i + 1]! : Infinity;
      if (until > start && counts[i]! > max) max = counts[i]!;
    }
    return max;
  }
}
