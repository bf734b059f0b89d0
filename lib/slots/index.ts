export { computeSlots } from './compute-slots';
export { durationOf } from './duration';
export { daysWithSlots, findSlot, firstSlot, groupByLocalDate } from './slot-lists';
export type { AvailabilityInput, BusyInterval, Closure, LocalDate, LocalTime, Slot, WeeklyWindow } from './types';
export { planCapacityChange, staffedCounters, type CapacityPlan, type PlacedBooking, type Staffing } from './staffing';
export { assignCounters, fitWithRepack, overlapGroups, type Placement } from './counter-assignment';
export { planHoldRepack, type HoldRepack, type RepackBooking } from './repack';
export { daysReleasedBetween, nextRelease, releasedThrough, releaseMomentOf, type ReleaseRule } from './release';
export { MIN_OFFER_MINUTES, offerMinutes, pickOfferSlot, slotFitsWish, type WishWindow } from './waitlist';
