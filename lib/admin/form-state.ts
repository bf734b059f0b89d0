import type { ActionState } from '@/lib/action-state';
import type { Localized } from '@/db/schema/types';

/** A booking a new closure would strand, as the confirmation step shows it (times as ISO strings). */
export type AffectedBookingView = { id: number; code: string; name: string | null; start: string; end: string; timeZone: string; location: Localized };

/** The closure form: the usual states, plus "these bookings are affected, confirm?" with what was typed. */
export type ClosureFormState =
  | ActionState<{ cancelled: number }>
  | { ok: false; values: Record<string, string>; affected: AffectedBookingView[]; changed: boolean; fieldErrors?: undefined; formError?: undefined };

export const initialClosureState: ClosureFormState = { ok: false, values: {} };
