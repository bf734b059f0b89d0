/**
 * A booking or hold to place on a counter for `[start, end)` (ms). A `movable` one may go to any counter
 * of `allowed` (the counters staffed for its whole time, in preference order); the others keep `counterId`.
 * `counterId` of a new booking that has none yet is any id no counter has (e.g. -1).
 */
export type Placement = { id: number; counterId: number; start: number; end: number; movable: boolean; allowed: readonly number[] };

type Span = { start: number; end: number };

/** Whether any of `spans` (sorted by start, pairwise disjoint or not) overlaps `[start, end)`. */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) {
    if (span.start >= end) return false;
    if (span.end > start) return true;
  }
  return false;
}

/**
 * Puts every movable placement on a counter of its `allowed` list so that no counter holds two
 * overlapping ones, leaving fixed placements where they are; the counter per movable id, or null when
 * this greedy finds no such assignment.
 *
 * Greedy by start time: each movable placement takes, among its allowed counters free at its time, its
 * own counter if free, else one no later placement currently sits on at an overlapping time (so as few
 * as possible move), else the first. While the fixed placements on allowed counters all start no later
 * than every movable one (they are running already) and all movable placements that overlap allow the
 * same counters (constant staffing within an opening window), this succeeds exactly when at every
 * moment no more placements overlap than counters are allowed: when a placement starts, the busy
 * counters are those whose placement covers that instant, and there are fewer of them than allowed.
 * Otherwise (a booking checked in early, staffing that differs between overlapping placements) the
 * greedy may miss an assignment that exists; `computeSlots` offers by this very function, so what it
 * offers is what a hold can place.
 */
export function assignCounters(placements: readonly Placement[]): Map<number, number> | null {
  const fixedOn = new Map<number, Span[]>();
  const movable: Placement[] = [];
  for (const p of placements) {
    if (p.movable) movable.push(p);
    else {
      const list = fixedOn.get(p.counterId);
      if (list) list.push(p);
      else fixedOn.set(p.counterId, [p]);
    }
  }
  for (const list of fixedOn.values()) list.sort((a, b) => a.start - b.start);
  // Ties by counter, not id: the slot check and the hold number the same bookings differently.
  movable.sort((a, b) => a.start - b.start || a.end - b.end || a.counterId - b.counterId);

  // Where the movable placements sit now, to keep later ones where they are when possible.
  const currentOn = new Map<number, Placement[]>();
  for (const p of movable) {
    const list = currentOn.get(p.counterId);
    if (list) list.push(p);
    else currentOn.set(p.counterId, [p]);
  }
  const placed = new Set<number>();
  const freeFrom = new Map<number, number>();
  const assignment = new Map<number, number>();

  const isFree = (counterId: number, p: Placement) =>
    (freeFrom.get(counterId) ?? -Infinity) <= p.start && !overlapsAny(fixedOn.get(counterId) ?? [], p.start, p.end);
  const wantedByLater = (counterId: number, p: Placement) =>
    (currentOn.get(counterId) ?? []).some((other) => other !== p && !placed.has(other.id) && other.start < p.end && p.start < other.end);

  for (const p of movable) {
    const free = p.allowed.filter((counterId) => isFree(counterId, p));
    if (free.length === 0) return null;
    const counterId = free.includes(p.counterId) ? p.counterId : (free.find((c) => !wantedByLater(c, p)) ?? free[0]!);
    placed.add(p.id);
    // Placements come by start, so one that overlaps this counter later must start before this one ends.
    freeFrom.set(counterId, p.end);
    assignment.set(p.id, counterId);
  }
  return assignment;
}

/**
 * The groups of placements that overlap in a chain (the connected parts of the interval graph): an
 * assignment of one group never constrains another, so each can be solved on its own.
 */
export function overlapGroups<P extends Span>(placements: readonly P[]): P[][] {
  const sorted = [...placements].sort((a, b) => a.start - b.start);
  const groups: P[][] = [];
  let reach = -Infinity;
  for (const p of sorted) {
    if (p.start >= reach || groups.length === 0) groups.push([p]);
    else groups[groups.length - 1]!.push(p);
    reach = Math.max(p.start >= reach ? p.end : reach, p.end);
  }
  return groups;
}

/**
 * Fits `added` on one of its counters by moving only the bookings in its way there, each straight to
 * another counter free for it; null when no counter works that way. Staff see their lanes change as
 * little as possible: most re-packs need one or two moves where the greedy would shuffle the group.
 */
function fitByFewMoves(placements: readonly Placement[], added: Placement): Map<number, number> | null {
  const clashes = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  // Counters with least in the way first (a free one needs no move), in preference order otherwise.
  const options = added.allowed
    .map((counterId) => ({ counterId, inTheWay: placements.filter((p) => p.counterId === counterId && clashes(p, added)) }))
    .sort((a, b) => a.inTheWay.length - b.inTheWay.length);
  for (const { counterId, inTheWay } of options) {
    if (inTheWay.some((p) => !p.movable)) continue;
    const moved = new Map<number, number>([[added.id, counterId]]);
    const counterOf = (p: Placement) => moved.get(p.id) ?? p.counterId;
    const fits = inTheWay.every((blocker) => {
      const target = blocker.allowed.find(
        (other) => other !== counterId && !placements.some((p) => p !== blocker && counterOf(p) === other && clashes(p, blocker)),
      );
      if (target === undefined) return false;
      moved.set(blocker.id, target);
      return true;
    });
    if (fits) return moved;
  }
  return null;
}

/**
 * Fits `added` (movable, without a counter yet) among `placements`: by moving only what is in its way
 * when that works, else by re-packing the movable placements chained to it by overlaps with
 * `assignCounters` (the others keep their counters, which cannot clash with the group in time). The
 * counter per moved id (and `added`'s), or null when neither finds a way.
 */
export function fitWithRepack(placements: readonly Placement[], added: Placement): Map<number, number> | null {
  const few = fitByFewMoves(placements, added);
  if (few) return few;
  const movable = placements.filter((p) => p.movable);
  const group = overlapGroups([...movable, added]).find((g) => g.includes(added))!;
  return assignCounters([...placements.filter((p) => !p.movable), ...group]);
}
