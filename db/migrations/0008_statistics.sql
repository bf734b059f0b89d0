CREATE TYPE "public"."cancel_cause" AS ENUM('citizen', 'staff', 'closure', 'rescheduled');--> statement-breakpoint
CREATE TYPE "public"."stats_outcome" AS ENUM('used', 'no_show', 'open', 'cancelled_citizen', 'cancelled_staff', 'cancelled_closure');--> statement-breakpoint
CREATE TABLE "stats_appointments" (
	"location_id" integer NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"channel" "booking_source" NOT NULL,
	"outcome" "stats_outcome" NOT NULL,
	"lead_days" smallint NOT NULL,
	"appointments" integer NOT NULL,
	"booked_minutes" integer NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"visit_minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_appointments_location_id_day_hour_channel_outcome_lead_days_pk" PRIMARY KEY("location_id","day","hour","channel","outcome","lead_days")
);
--> statement-breakpoint
CREATE TABLE "stats_next_free" (
	"location_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	"day" date NOT NULL,
	"days_until" integer,
	"sampled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stats_next_free_location_id_service_id_day_pk" PRIMARY KEY("location_id","service_id","day"),
	CONSTRAINT "stats_next_free_days" CHECK ("stats_next_free"."days_until" is null or "stats_next_free"."days_until" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stats_open_minutes" (
	"location_id" integer NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"counter_minutes" integer NOT NULL,
	CONSTRAINT "stats_open_minutes_location_id_day_hour_pk" PRIMARY KEY("location_id","day","hour")
);
--> statement-breakpoint
CREATE TABLE "stats_requests" (
	"location_id" integer NOT NULL,
	"day" date NOT NULL,
	"received" integer NOT NULL,
	"confirmed" integer NOT NULL,
	"declined" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"answered" integer NOT NULL,
	"answer_minutes" integer NOT NULL,
	CONSTRAINT "stats_requests_location_id_day_pk" PRIMARY KEY("location_id","day")
);
--> statement-breakpoint
CREATE TABLE "stats_rollups" (
	"location_id" integer NOT NULL,
	"day" date NOT NULL,
	"rolled_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stats_rollups_location_id_day_pk" PRIMARY KEY("location_id","day")
);
--> statement-breakpoint
CREATE TABLE "stats_services" (
	"location_id" integer NOT NULL,
	"day" date NOT NULL,
	"service_id" integer NOT NULL,
	"channel" "booking_source" NOT NULL,
	"outcome" "stats_outcome" NOT NULL,
	"appointments" integer NOT NULL,
	"units" integer NOT NULL,
	"booked_minutes" integer NOT NULL,
	CONSTRAINT "stats_services_location_id_day_service_id_channel_outcome_pk" PRIMARY KEY("location_id","day","service_id","channel","outcome")
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "cancelled_by" "cancel_cause";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stats_appointments" ADD CONSTRAINT "stats_appointments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_next_free" ADD CONSTRAINT "stats_next_free_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_next_free" ADD CONSTRAINT "stats_next_free_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_open_minutes" ADD CONSTRAINT "stats_open_minutes_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_requests" ADD CONSTRAINT "stats_requests_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_rollups" ADD CONSTRAINT "stats_rollups_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_services" ADD CONSTRAINT "stats_services_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_services" ADD CONSTRAINT "stats_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stats_rollups_day_idx" ON "stats_rollups" USING btree ("day");--> statement-breakpoint
-- Cancellations made before the cause was recorded: a move says so in its reason, a citizen gives none, a clerk or the office one.
UPDATE "bookings" SET "cancelled_by" = CASE WHEN "cancel_reason" = 'rescheduled' THEN 'rescheduled'::cancel_cause WHEN "cancel_reason" IS NULL THEN 'citizen'::cancel_cause ELSE 'staff'::cancel_cause END WHERE "status" = 'cancelled';
