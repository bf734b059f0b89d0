CREATE TYPE "public"."visit_kind" AS ENUM('appointment', 'walk_in');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('waiting', 'called', 'done', 'no_show');--> statement-breakpoint
CREATE TABLE "kiosk_devices" (
	"id" serial PRIMARY KEY NOT NULL,
	"location_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "kiosk_devices_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"location_id" integer NOT NULL,
	"booking_id" bigint NOT NULL,
	"day" date NOT NULL,
	"number" integer NOT NULL,
	"kind" "visit_kind" NOT NULL,
	"status" "visit_status" DEFAULT 'waiting' NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"last_called_at" timestamp with time zone,
	"counter_id" integer,
	"called_by" integer,
	"calls" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "visits_booking_id_unique" UNIQUE("booking_id"),
	CONSTRAINT "visits_number_per_day" UNIQUE("location_id","day","number"),
	CONSTRAINT "visits_called_has_counter" CHECK ("visits"."status" = 'waiting' or "visits"."counter_id" is not null or "visits"."status" = 'no_show')
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "check_in_early_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "check_in_late_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "walk_in_every" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "check_in_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD CONSTRAINT "kiosk_devices_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD CONSTRAINT "kiosk_devices_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_called_by_staff_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_counter_location_fk" FOREIGN KEY ("counter_id","location_id") REFERENCES "public"."counters"("id","location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_location_day_idx" ON "visits" USING btree ("location_id","day","status");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_check_in_token_unique" UNIQUE("check_in_token");--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_check_in_window" CHECK ("locations"."check_in_early_minutes" between 0 and 240 and "locations"."check_in_late_minutes" between 0 and 240);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_walk_in_every" CHECK ("locations"."walk_in_every" between 0 and 20);