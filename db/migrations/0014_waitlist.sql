CREATE TYPE "public"."wish_status" AS ENUM('unconfirmed', 'waiting', 'fulfilled', 'withdrawn', 'expired');--> statement-breakpoint
ALTER TYPE "public"."booking_source" ADD VALUE 'waitlist';--> statement-breakpoint
CREATE TABLE "waitlist_demand" (
	"location_id" integer NOT NULL,
	"week" date NOT NULL,
	"service_id" integer NOT NULL,
	"outcome" "wish_status" NOT NULL,
	"wishes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "waitlist_demand_location_id_week_service_id_outcome_pk" PRIMARY KEY("location_id","week","service_id","outcome")
);
--> statement-breakpoint
CREATE TABLE "waitlist_sweeps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"location_id" integer NOT NULL,
	"during" "tstzrange" NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waitlist_wish_locations" (
	"wish_id" bigint NOT NULL,
	"location_id" integer NOT NULL,
	CONSTRAINT "waitlist_wish_locations_wish_id_location_id_pk" PRIMARY KEY("wish_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "waitlist_wish_services" (
	"wish_id" bigint NOT NULL,
	"service_id" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "waitlist_wish_services_wish_id_service_id_pk" PRIMARY KEY("wish_id","service_id"),
	CONSTRAINT "waitlist_wish_services_count" CHECK ("waitlist_wish_services"."count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "waitlist_wishes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"pin_hash" text NOT NULL,
	"confirm_token_hash" text,
	"status" "wish_status" DEFAULT 'unconfirmed' NOT NULL,
	"office_group" text NOT NULL,
	"earliest_date" date NOT NULL,
	"latest_date" date NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"parts" text[] NOT NULL,
	"locale" text DEFAULT 'de' NOT NULL,
	"name" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"personal_data_erased_at" timestamp with time zone,
	CONSTRAINT "waitlist_wishes_code_unique" UNIQUE("code"),
	CONSTRAINT "waitlist_wishes_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "waitlist_wishes_dates" CHECK ("waitlist_wishes"."earliest_date" <= "waitlist_wishes"."latest_date"),
	CONSTRAINT "waitlist_wishes_choices" CHECK (cardinality("waitlist_wishes"."weekdays") > 0 and cardinality("waitlist_wishes"."parts") > 0)
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "waitlist_offer_hours" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "waitlist_new_day_share" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "wish_id" bigint;--> statement-breakpoint
ALTER TABLE "waitlist_demand" ADD CONSTRAINT "waitlist_demand_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_demand" ADD CONSTRAINT "waitlist_demand_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_sweeps" ADD CONSTRAINT "waitlist_sweeps_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_wish_locations" ADD CONSTRAINT "waitlist_wish_locations_wish_id_waitlist_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."waitlist_wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_wish_locations" ADD CONSTRAINT "waitlist_wish_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_wish_services" ADD CONSTRAINT "waitlist_wish_services_wish_id_waitlist_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."waitlist_wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_wish_services" ADD CONSTRAINT "waitlist_wish_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_sweeps_run_after_idx" ON "waitlist_sweeps" USING btree ("run_after");--> statement-breakpoint
CREATE INDEX "waitlist_wish_locations_location_idx" ON "waitlist_wish_locations" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_wishes_one_open_per_mailbox" ON "waitlist_wishes" USING btree (regexp_replace(lower("email"), '[+][^@]*@', '@'),"office_group") WHERE "waitlist_wishes"."status" in ('unconfirmed', 'waiting');--> statement-breakpoint
CREATE INDEX "waitlist_wishes_queue_idx" ON "waitlist_wishes" USING btree ("status","confirmed_at","id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_wish_id_waitlist_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."waitlist_wishes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_offer_per_wish" ON "bookings" USING btree ("wish_id") WHERE "bookings"."status" = 'held';--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_waitlist_offer_hours" CHECK ("locations"."waitlist_offer_hours" between 1 and 72);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_waitlist_new_day_share" CHECK ("locations"."waitlist_new_day_share" between 0 and 100);--> statement-breakpoint
-- A time that stops being taken (a cancelled booking, a given-up hold, a declined or expired waitlist offer) is
-- queued for the waitlist worker in the same transaction, whichever code path freed it; only where wishes wait.
CREATE FUNCTION "waitlist_queue_freed_time"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "waitlist_wish_locations" wl JOIN "waitlist_wishes" w ON w.id = wl.wish_id
    WHERE wl.location_id = NEW.location_id AND w.status = 'waiting'
  ) THEN
    INSERT INTO "waitlist_sweeps" ("location_id", "during") VALUES (NEW.location_id, NEW.during);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "bookings_waitlist_freed" AFTER UPDATE OF "status" ON "bookings"
  FOR EACH ROW WHEN (OLD.status IN ('held', 'booked') AND NEW.status IN ('cancelled', 'expired'))
  EXECUTE FUNCTION "waitlist_queue_freed_time"();
