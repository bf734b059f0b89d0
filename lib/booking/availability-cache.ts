import 'server-only';
import type { DbOrTx } from '@/db/client';
import { createDb, getDb } from '@/db/client';
import { loadAvailabilityVersions, loadLocationForBooking, type LocationForBooking } from '@/db/queries/availability';
import type { Slot } from '@/lib/slots';
import { findSlotsUntilChange, localToday } from './availability';

/** Even without any change an entry is computed again after this long (a guard against a clock jump, not a rule). */
const MAX_AGE_MS = 60_000;
/** Entries kept per process at most; the cache is cleared when it grows beyond (offices × durations × ranges). */
const MAX_ENTRIES = 1_000;

type Versions = Map<number, { version: number; configVersion: number }>;
type LocationEntry = { version: number; location: Promise<LocationForBooking | null> };
type SlotsEntry = { version: number; today: string; validUntil: number; slots: Promise<Slot[]> };

/**
 * Free times and office data shared by the concurrent requests of one process, so a release rush computes
 * availability once per office, duration and change instead of once per request. Correct with any number of
 * instances: each request first reads the availability versions, which PostgreSQL raises in every
 * transaction that changes bookings, closures, hours, counters or booking rules (migration
 * `availability_versions`), and an entry serves only the version it was computed under. So a page is never
 * staler than the last commit before the request; what changes by the clock alone (holds expiring, cancelled
 * times coming back, bookings starting, the next release) ends an entry's validity at that moment, and the
 * minimum lead time is applied to every answer at its own `now`. Holds never use it: `holdSlot` checks
 * uncached, and PostgreSQL decides.
 */
export class AvailabilityCache {
  private versionsInFlight: Promise<Versions> | null = null;
  private versionsQueued: Promise<Versions> | null = null;
  private readonly locations = new Map<string, LocationEntry>();
  private readonly slotEntries = new Map<string, SlotsEntry>();

  /** `db`: the process's own small pool by default (`availabilityCache`), so these short reads never queue behind holds waiting for a lock. */
  constructor(private readonly db: () => DbOrTx = getDb) {}

  /**
   * The versions as committed when this call was made: a request arriving while a read is running waits for
   * the next one (that read began before it and could miss a commit), which every such request shares.
   */
  versions(): Promise<Versions> {
    if (!this.versionsInFlight) {
      this.versionsInFlight = loadAvailabilityVersions({ tx: this.db() }).finally(() => {
        this.versionsInFlight = null;
      });
      return this.versionsInFlight;
    }
    this.versionsQueued ??= this.versionsInFlight
      .catch(() => undefined)
      .then(() => {
        this.versionsQueued = null;
        return this.versions();
      });
    return this.versionsQueued;
  }

  /** One request's view: versions read once, then the office and its free times as of that read or later. */
  async snapshot() {
    const versions = await this.versions();
    return {
      location: (slug: string) => this.location(slug, versions),
      findSlots: (input: { location: LocationForBooking; durationMinutes: number; from: string; to: string; now: Date }) => this.findSlots(input, versions),
    };
  }

  private async location(slug: string, versions: Versions): Promise<LocationForBooking | null> {
    const cached = this.locations.get(slug);
    if (cached) {
      const location = await cached.location;
      if (location && (versions.get(location.id)?.configVersion ?? 0) === cached.version) return location;
    }
    // Loaded after `versions` was read: at least as new as that version, so it may serve it.
    const entry: LocationEntry = { version: -1, location: loadLocationForBooking({ slug, tx: this.db() }) };
    entry.location.then(
      (location) => {
        if (location) entry.version = versions.get(location.id)?.configVersion ?? 0;
        else this.locations.delete(slug);
      },
      () => this.locations.delete(slug),
    );
    this.remember(this.locations, slug, entry);
    return entry.location;
  }

  private async findSlots({ location, durationMinutes, from, to, now }: { location: LocationForBooking; durationMinutes: number; from: string; to: string; now: Date }, versions: Versions): Promise<Slot[]> {
    const version = versions.get(location.id)?.version ?? 0;
    const today = localToday(location, now);
    const key = `${location.id}:${durationMinutes}:${from}:${to}`;
    let entry = this.slotEntries.get(key);
    if (!entry || entry.version !== version || entry.today !== today || now.getTime() >= entry.validUntil) {
      const computedAt = now.getTime();
      const fresh: SlotsEntry = {
        version,
        today,
        validUntil: computedAt + MAX_AGE_MS,
        slots: findSlotsUntilChange({ location, durationMinutes, from, to, now, tx: this.db() }).then(({ slots, validForMs }) => {
          if (validForMs !== null) fresh.validUntil = Math.min(fresh.validUntil, computedAt + validForMs);
          return slots;
        }),
      };
      fresh.slots.catch(() => this.slotEntries.get(key) === fresh && this.slotEntries.delete(key));
      this.remember(this.slotEntries, key, fresh);
      entry = fresh;
    }
    // The lead time moves with the clock: a start that was far enough ahead when computed may not be now.
    const earliest = now.getTime() + location.minLeadMinutes * 60_000;
    return (await entry.slots).filter((slot) => slot.start.getTime() >= earliest);
  }

  private remember<V>(map: Map<string, V>, key: string, value: V) {
    if (map.size >= MAX_ENTRIES && !map.has(key)) map.clear();
    map.set(key, value);
  }
}

const globalForCache = globalThis as unknown as { amtsterminAvailabilityCache?: AvailabilityCache };

/** Connections of the availability reads' own pool (each instance; on top of DB_POOL_MAX). */
const READ_POOL_MAX = 3;

/**
 * The process's cache, for the time pages and the hold action's office data. Its reads use a pool of their
 * own: in a release rush the main pool's connections wait on the office-day lock inside holds, and a
 * version read queued behind them would make every time page wait for the slowest hold.
 */
export function availabilityCache(): AvailabilityCache {
  if (!globalForCache.amtsterminAvailabilityCache) {
    const db = createDb({ max: READ_POOL_MAX });
    globalForCache.amtsterminAvailabilityCache = new AvailabilityCache(() => db);
  }
  return globalForCache.amtsterminAvailabilityCache;
}
