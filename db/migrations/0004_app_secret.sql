ALTER TABLE "appointment_requests" ADD COLUMN "pin_sealed" text;--> statement-breakpoint
-- The proof-of-work key is derived from APP_SECRET now (outside the database); the one kept here is no secret after a dump.
DELETE FROM "app_secrets" WHERE "name" = 'challenge-signing';
