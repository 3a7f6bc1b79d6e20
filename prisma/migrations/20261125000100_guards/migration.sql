-- Hand-written guards that the Prisma schema language cannot express.

-- Human order numbers (AT-2026-000123) come from one sequence, safe under concurrency.
CREATE SEQUENCE IF NOT EXISTS "order_number_seq" START 1;

-- Capacity can never be overbooked, whatever the code does.
ALTER TABLE "capacity_weeks"
  ADD CONSTRAINT "capacity_weeks_hours_check"
  CHECK ("capacity_hours" >= 0 AND "booked_hours" >= 0 AND "booked_hours" <= "capacity_hours" + 0.000001);

ALTER TABLE "capacity_bookings" ADD CONSTRAINT "capacity_bookings_hours_check" CHECK ("hours" > 0);

ALTER TABLE "orders"
  ADD CONSTRAINT "orders_amounts_check"
  CHECK ("quantity" >= 1 AND "total_cents" >= 0 AND "unit_price_cents" >= 0 AND "lead_days" >= 0 AND "production_hours" >= 0);

ALTER TABLE "settings" ADD CONSTRAINT "settings_singleton_check" CHECK ("id" = 1);

-- Production only after the order exists and is confirmed: the foreign key makes the order exist,
-- this trigger makes it confirmed (a job is created while the order enters IN_PRODUCTION).
CREATE OR REPLACE FUNCTION "production_job_requires_confirmed_order"() RETURNS trigger AS $$
DECLARE
  order_status "OrderStatus";
  order_created timestamptz;
BEGIN
  SELECT "status", "created_at" INTO order_status, order_created FROM "orders" WHERE "id" = NEW."order_id";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'production job refused: order % does not exist', NEW."order_id"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF order_status NOT IN ('CONFIRMED', 'IN_PRODUCTION') THEN
    RAISE EXCEPTION 'production job refused: order % is %, not confirmed', NEW."order_id", order_status
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."started_at" < order_created THEN
    RAISE EXCEPTION 'production job refused: it cannot start before order % was placed', NEW."order_id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "production_jobs_confirmed_order"
  BEFORE INSERT OR UPDATE OF "order_id", "started_at" ON "production_jobs"
  FOR EACH ROW EXECUTE FUNCTION "production_job_requires_confirmed_order"();

-- Live order tracking: every order event is announced on a channel that all app instances LISTEN to.
CREATE OR REPLACE FUNCTION "notify_order_event"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('atelier_order_events', json_build_object(
    'orderId', NEW."order_id", 'eventId', NEW."id", 'from', NEW."from_status", 'to', NEW."to_status"
  )::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "order_events_notify"
  AFTER INSERT ON "order_events"
  FOR EACH ROW EXECUTE FUNCTION "notify_order_event"();
