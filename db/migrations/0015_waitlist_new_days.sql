ALTER TABLE "locations" ADD COLUMN "waitlist_new_days_through" date;--> statement-breakpoint
ALTER TABLE "waitlist_sweeps" ADD COLUMN "new_days" boolean DEFAULT false NOT NULL;