-- Invariant 1 (DESIGN.md): one counter never holds two active bookings at overlapping times.
-- PostgreSQL itself rejects the second one, however many app instances race for it.
-- The status list matches activeBookingStatuses in db/schema/bookings.ts. Expired holds are
-- switched to 'expired' by every writer before it inserts, so they never block (invariant 3).
ALTER TABLE "bookings"
  ADD CONSTRAINT "bookings_no_overlap_per_counter"
  EXCLUDE USING gist ("counter_id" WITH =, "during" WITH &&)
  WHERE ("status" IN ('held', 'booked', 'checked_in', 'done', 'no_show'));
