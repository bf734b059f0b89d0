-- Counters are an assignment (DESIGN.md, invariant 2): a hold may re-pack the day's not-yet-started
-- bookings onto other counters in one UPDATE, e.g. swap two. A deferrable constraint is checked at the
-- end of each statement (INITIALLY IMMEDIATE) instead of row by row, so a swap is not a transient
-- violation; nothing defers it further, and it still rejects every overlap on one counter.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap_per_counter";--> statement-breakpoint
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_no_overlap_per_counter"
  EXCLUDE USING gist ("counter_id" WITH =, "during" WITH &&)
  WHERE ("status" IN ('held', 'booked', 'checked_in', 'done', 'no_show'))
  DEFERRABLE INITIALLY IMMEDIATE;
