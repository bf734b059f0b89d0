import type { BusyInterval } from './types';

/**
 * The busy time of one counter as sorted, disjoint `[start, end)` ms ranges, with a cursor
 * that only moves forward while queries within one opening window move forward in time.
 */
export class BusyTimeline {
  private readonly starts: number[];
  private readonly ends: number[];
  private cursor = 0;

  constructor(intervals: readonly { start: number; end: number }[]) {
    const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
    this.starts = [];
    this.ends = [];
    for (const { start, end } of sorted) {
      const last = this.ends.length - 1;
      // Merging overlapping and touching ranges keeps `ends` sorted, which the binary search needs.
      if (last >= 0 && start <= this.ends[last]!) {
        if (end > this.ends[last]!) this.ends[last] = end;
      } else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  /** Positions the cursor on the first range ending after `at`; call before a backwards jump. */
  seek(at: number): void {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! <= at) low = mid + 1;
      else high = mid;
    }
    this.cursor = low;
  }

  /** The merged busy ranges that overlap `[from, to)`, without moving the cursor. */
  rangesWithin(from: number, to: number): { start: number; end: number }[] {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! <= from) low = mid + 1;
      else high = mid;
    }
    const ranges: { start: number; end: number }[] = [];
    for (let i = low; i < this.ends.length && this.starts[i]! < to; i++) ranges.push({ start: this.starts[i]!, end: this.ends[i]! });
    return ranges;
  }

  /** Whether no busy range overlaps `[start, end)`; `start` must not be before the previous query's. */
  isFree(start: number, end: number): boolean {
    while (this.cursor < this.ends.length && this.ends[this.cursor]! <= start) this.cursor++;
    return this.cursor === this.ends.length || this.starts[this.cursor]! >= end;
  }
}

/** One timeline per counter id; busy intervals of other counters are ignored. */
export function buildTimelines(counterIds: readonly number[], busy: readonly BusyInterval[]): Map<number, BusyTimeline> {
  const byCounter = new Map<number, { start: number; end: number }[]>();
  for (const id of counterIds) byCounter.set(id, []);
  for (const interval of busy) {
    byCounter.get(interval.counterId)?.push({ start: interval.start.getTime(), end: interval.end.getTime() });
  }
  const timelines = new Map<number, BusyTimeline>();
  for (const [id, intervals] of byCounter) timelines.set(id, new BusyTimeline(intervals));
  return timelines;
}
