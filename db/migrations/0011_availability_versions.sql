CREATE TABLE "availability_versions" (
	"location_id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"config_version" bigint DEFAULT 0 NOT NULL,
	"bumped_in" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "release_time" time;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "release_weekdays" smallint[] DEFAULT '{1,2,3,4,5}' NOT NULL;--> statement-breakpoint
ALTER TABLE "availability_versions" ADD CONSTRAINT "availability_versions_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_release_weekdays" CHECK (cardinality("locations"."release_weekdays") between 1 and 7 and "locations"."release_weekdays" <@ '{1,2,3,4,5,6,7}'::smallint[]);--> statement-breakpoint
-- Raises the location's availability version once per transaction, at commit (the triggers below are
-- deferred): the row lock is held only while committing, and a version read after the commit always
-- differs from one read before it; changes other than bookings raise config_version too (the office's
-- cached data). TG_ARGV[0]: the column naming the location, or '*' for every location.
CREATE FUNCTION bump_availability_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_id integer := CASE WHEN TG_OP <> 'INSERT' AND TG_ARGV[0] <> '*' THEN (to_jsonb(OLD) ->> TG_ARGV[0])::integer END;
  new_id integer := CASE WHEN TG_OP <> 'DELETE' AND TG_ARGV[0] <> '*' THEN (to_jsonb(NEW) ->> TG_ARGV[0])::integer END;
  every_location boolean := TG_ARGV[0] = '*' OR (TG_OP <> 'INSERT' AND old_id IS NULL) OR (TG_OP <> 'DELETE' AND new_id IS NULL);
BEGIN
  INSERT INTO availability_versions AS v (location_id, version, config_version, bumped_in)
  SELECT l.id, 1, CASE WHEN TG_TABLE_NAME = 'bookings' THEN 0 ELSE 1 END, txid_current() FROM locations l WHERE every_location OR l.id IN (old_id, new_id)
  ON CONFLICT (location_id) DO UPDATE SET version = v.version + 1, bumped_in = excluded.bumped_in,
    config_version = v.config_version + excluded.config_version
    WHERE v.bumped_in <> excluded.bumped_in OR excluded.config_version > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER bookings_availability_version
  AFTER INSERT OR DELETE OR UPDATE OF status, during, counter_id, location_id, hold_expires_at, cancelled_at ON bookings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('location_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER closures_availability_version AFTER INSERT OR UPDATE OR DELETE ON closures
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('location_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER opening_hours_availability_version AFTER INSERT OR UPDATE OR DELETE ON opening_hours
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('location_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER counters_availability_version AFTER INSERT OR UPDATE OR DELETE ON counters
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('location_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER location_services_availability_version AFTER INSERT OR UPDATE OR DELETE ON location_services
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('location_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER locations_availability_version AFTER INSERT OR UPDATE ON locations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER services_availability_version AFTER INSERT OR UPDATE OR DELETE ON services
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('*');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER documents_availability_version AFTER INSERT OR UPDATE OR DELETE ON documents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('*');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER service_documents_availability_version AFTER INSERT OR UPDATE OR DELETE ON service_documents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version('*');
