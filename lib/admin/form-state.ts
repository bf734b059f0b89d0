import type { ActionState } from '@/lib/action-state';
import type { Localized } from '@/db/schema/types';
import type { StrandedBooking } from '@/db/queries/admin-closures';

/** A booking a change would strand, as the confirmation step shows it (times as ISO strings). */
export type AffectedBookingView = { id: number; code: string; name: string | null; start: string; end: string; timeZone: string; location: Localized };

export const affectedView = (b: StrandedBooking): AffectedBookingView => ({ id: b.id, code: b.code, name: b.name, start: b.start.toISOString(), end: b.end.toISOString(), timeZone: b.timeZone, location: b.locationName });

/** A form whose change may strand bookings: the usual states, plus "these bookings are affected, confirm?" with what was typed. */
export type ConfirmableFormState<T> =
  | ActionState<T>
  | { ok: false; values: Record<string, string>; affected: AffectedBookingView[]; changed: boolean; fieldErrors?: undefined; formError?: undefined };

export type ClosureFormState = ConfirmableFormState<{ cancelled: number }>;
export type CapacityFormState = ConfirmableFormState<{ moved: number; cancelled: number }>;

export const initialClosureState: ClosureFormState = { ok: false, values: {} };
export const initialCapacityState: CapacityFormState = { ok: false, values: {} };
