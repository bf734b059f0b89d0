CREATE TYPE "public"."reminder_kind" AS ENUM('first', 'second');--> statement-breakpoint
CREATE TABLE "booking_reminders" (
	"booking_id" bigint NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_reminders_booking_id_kind_starts_at_pk" PRIMARY KEY("booking_id","kind","starts_at")
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "reminder_hours" integer DEFAULT 48;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "second_reminder_hours" integer;--> statement-breakpoint
ALTER TABLE "booking_reminders" ADD CONSTRAINT "booking_reminders_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_reminders_enqueued_idx" ON "booking_reminders" USING btree ("enqueued_at");--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_reminder_hours" CHECK (coalesce("locations"."reminder_hours" between 1 and 336 and ("locations"."second_reminder_hours" is null or "locations"."second_reminder_hours" between 1 and "locations"."reminder_hours" - 1), "locations"."second_reminder_hours" is null));