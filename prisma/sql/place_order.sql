-- The order write: the one place the place_order and read_capacity functions are defined. The migration
-- runner (lib/db/ops/migrate.ts) applies every file in prisma/sql after the migrations, each time it runs:
-- edit the function here, never in a migration. lib/orders/place-order.ts calls both:
--   1. read_capacity(since, false): what planning needs (the settings and the capacity of the weeks ahead);
--   2. the order is planned in TypeScript (lib/delivery/promise.ts, the planner the browser runs too);
--   3. place_order(p): under the booking lock, checks that the plan is still the one current figures give,
--      then writes the order and books its hours, in one statement; or answers "stale" and writes nothing,
--      and the order is planned again inside a transaction that takes the lock first (read_capacity(since, true)).
-- Why SQL at all: see docs/performance.md ("Order placement in two statements").

-- What planning reads: the shop settings (null without a settings row) and the capacity rows of the weeks
-- from `since` on, as {"settings": {...}, "fairUse": {...}, "weeks": [[week, capacity, isOverride, booked], ...]}. With
-- `take_lock`, first takes the transaction-scoped booking lock (72707370, as lib/delivery/capacity.ts): the
-- rows are read after it is granted, so they include every booking committed before.
-- The fair-use settings of the row (lib/settings/fair-use.ts), as read_capacity sends them and place_order compares them.
CREATE OR REPLACE FUNCTION "fair_use_row"(s "settings") RETURNS jsonb AS $$
  SELECT jsonb_build_object('maxQuantity', s."max_quantity", 'customerOpenHoursCap', s."customer_open_hours_cap",
    'approvalHoursThreshold', s."approval_hours_threshold", 'approvalValueThreshold', s."approval_value_threshold",
    'approvalHoldDays', s."approval_hold_days");
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION "read_capacity"(since date, take_lock boolean) RETURNS jsonb AS $$
DECLARE
  result jsonb;
BEGIN
  IF take_lock THEN
    PERFORM pg_advisory_xact_lock(72707370);
  END IF;
  SELECT jsonb_build_object(
    'settings', (SELECT jsonb_build_object('companyName', s."company_name", 'currency', s."currency",
        'defaultWeeklyHours', s."default_weekly_hours", 'shippingDays', s."shipping_days") FROM "settings" s WHERE s."id" = 1),
    'fairUse', (SELECT "fair_use_row"(s) FROM "settings" s WHERE s."id" = 1),
    'weeks', (SELECT COALESCE(jsonb_agg(jsonb_build_array(w."week", w."capacity_hours", w."is_override", w."booked_hours")), '[]'::jsonb)
        FROM "capacity_weeks" w WHERE w."week_start" >= since))
    INTO result;
  RETURN result;
END;
$$ LANGUAGE plpgsql;

-- Books an order's planned hours (bookings: [{"week", "weekStart", "hours"}]): each week gets its hours (a week
-- without a row is created at `default_hours`), in calendar order, and the order its capacity_bookings rows. The
-- caller holds the booking lock and has checked the plan against current figures: place_order at placement,
-- lib/orders/approval.ts when staff approve a large order. capacity_weeks_hours_check is the backstop.
CREATE OR REPLACE FUNCTION "book_capacity"(order_id text, default_hours float8, bookings jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO "capacity_weeks" ("week", "week_start", "capacity_hours", "booked_hours", "updated_at")
    SELECT b."week", b."weekStart", default_hours, b."hours", now()
    FROM jsonb_to_recordset(bookings) AS b("week" text, "weekStart" date, "hours" float8)
    ORDER BY b."week"
  ON CONFLICT ("week") DO UPDATE
    SET "booked_hours" = "capacity_weeks"."booked_hours" + EXCLUDED."booked_hours", "updated_at" = now();
  INSERT INTO "capacity_bookings" ("id", "order_id", "week", "hours", "created_at")
    SELECT gen_random_uuid()::text, order_id, b."week", b."hours", now()
    FROM jsonb_to_recordset(bookings) AS b("week" text, "hours" float8);
END;
$$ LANGUAGE plpgsql;

-- Writes one planned order under the booking lock (taken here, held until the transaction ends), and answers:
--   {"status": "replay", "number", "customerId"}  an order with this idempotency key exists (nothing written);
--   {"status": "limited", "retryAt"}              the customer placed limit.count orders in the window (nothing written);
--   {"status": "capped", "openHours", "cap"}      fair use (p.fairUse): the customer's open orders' booked hours (not
--                                                 delivered, cancelled or awaiting approval) and this one's would exceed
--                                                 customerOpenHoursCap (nothing written; never for an order awaiting approval);
--   {"status": "changed"}                         the product's name, slug or current version is not the one the
--                                                 order was checked on (nothing written);
--   {"status": "stale"}                           the plan is not what current figures give: the settings changed, a
--                                                 week it uses has fewer free hours, or a week it skipped or filled has
--                                                 more (nothing written);
--   {"status": "placed", "id", "number"}          written: the order, its option rows, the PLACED event (its trigger
--                                                 tells live pages), the email, the audit entry and the bookings.
-- p: {"order": {...columns}, "expect": {"productId", "slug", "name", "versionId"}, "numberPrefix", "numberDigits", "choices": [...], "email": {...} | null (its "numberToken"
--     replaced by the order's number: the number is drawn here, once the order is sure to be written), "limit": {"count", "windowSeconds"} | null,
--     "settings": the settings row the plan used (null: none, the defaults), "defaultWeeklyHours",
--     "fairUseRow": the fair-use settings the order was judged on (null: none, the defaults), "fairUse": the rules applied
--     ({"customerOpenHoursCap"}) or null (not applied: staff tools, tests), "status": "PLACED" or "AWAITING_APPROVAL"
--     (books nothing; "holdUntil" ends its hold),
--     "weeks": [{"week", "usedHours", "last"}] every week the plan looked at, "bookings": [{"week", "weekStart", "hours"}]}.
-- capacity_weeks_hours_check refuses an overbooked week (the backstop: after the check above it cannot happen).
CREATE OR REPLACE FUNCTION "place_order"(p jsonb) RETURNS jsonb AS $$
DECLARE
  o jsonb := p -> 'order';
  order_id text := gen_random_uuid()::text;
  placed_at timestamptz := (o ->> 'placedAt')::timestamptz;
  found_order record;
  recent int;
  oldest timestamptz;
  settings_now jsonb;
  default_hours float8;
  stale_week text;
  order_number text;
  seq bigint;
  open_hours float8;
  new_status "OrderStatus" := COALESCE(p ->> 'status', 'PLACED')::"OrderStatus";
BEGIN
  PERFORM pg_advisory_xact_lock(72707370);

  SELECT x."number", x."customer_id" INTO found_order FROM "orders" x WHERE x."idempotency_key" = o ->> 'idempotencyKey';
  IF FOUND THEN
    RETURN jsonb_build_object('status', 'replay', 'number', found_order."number", 'customerId', found_order."customer_id");
  END IF;

  IF jsonb_typeof(p -> 'limit') = 'object' THEN
    SELECT count(*), min(x."created_at") INTO recent, oldest FROM "orders" x
      WHERE x."customer_id" = o ->> 'customerId'
        AND x."created_at" > placed_at - make_interval(secs => (p -> 'limit' ->> 'windowSeconds')::float8);
    IF recent >= (p -> 'limit' ->> 'count')::int THEN
      RETURN jsonb_build_object('status', 'limited', 'retryAt', oldest + make_interval(secs => (p -> 'limit' ->> 'windowSeconds')::float8));
    END IF;
  END IF;

  -- Fair use: exact under concurrency, as every placement and approval holds the booking lock.
  -- An order awaiting approval books nothing and staff decide on it: it neither counts nor is capped.
  IF jsonb_typeof(p -> 'fairUse') = 'object' AND new_status = 'PLACED' THEN
    SELECT COALESCE(sum(x."production_hours"), 0) INTO open_hours FROM "orders" x
      WHERE x."customer_id" = o ->> 'customerId' AND x."status" NOT IN ('DELIVERED', 'CANCELLED', 'AWAITING_APPROVAL');
    IF open_hours + (o ->> 'productionHours')::float8 > (p -> 'fairUse' ->> 'customerOpenHoursCap')::float8 + 0.000001 THEN
      RETURN jsonb_build_object('status', 'capped', 'openHours', open_hours, 'cap', (p -> 'fairUse' ->> 'customerOpenHoursCap')::float8);
    END IF;
  END IF;

  IF NOT EXISTS (SELECT 1 FROM "products" pr JOIN "product_versions" v ON v."id" = pr."current_version_id"
      WHERE pr."id" = p -> 'expect' ->> 'productId' AND pr."slug" = p -> 'expect' ->> 'slug' AND pr."name" = p -> 'expect' ->> 'name'
        AND v."id" = p -> 'expect' ->> 'versionId' AND v."status" = 'PUBLISHED') THEN
    RETURN '{"status": "changed"}'::jsonb;
  END IF;

  SELECT jsonb_build_object('companyName', s."company_name", 'currency', s."currency",
      'defaultWeeklyHours', s."default_weekly_hours", 'shippingDays', s."shipping_days") INTO settings_now FROM "settings" s WHERE s."id" = 1;
  IF settings_now IS DISTINCT FROM NULLIF(p -> 'settings', 'null'::jsonb)
     OR (SELECT "fair_use_row"(s) FROM "settings" s WHERE s."id" = 1) IS DISTINCT FROM NULLIF(p -> 'fairUseRow', 'null'::jsonb) THEN
    RETURN '{"status": "stale"}'::jsonb;
  END IF;
  default_hours := COALESCE((settings_now ->> 'defaultWeeklyHours')::float8, (p ->> 'defaultWeeklyHours')::float8);
  SELECT f."week" INTO stale_week
    FROM jsonb_to_recordset(p -> 'weeks') AS f("week" text, "usedHours" float8, "last" boolean)
    LEFT JOIN "capacity_weeks" w ON w."week" = f."week"
    CROSS JOIN LATERAL (SELECT greatest(0, CASE WHEN w."is_override" THEN w."capacity_hours" ELSE default_hours END
      - COALESCE(w."booked_hours", 0)) AS "free") c
    WHERE c."free" < f."usedHours" - 0.000001
       OR (NOT f."last" AND c."free" > f."usedHours" + 0.000001)
    LIMIT 1;
  IF FOUND THEN
    RETURN '{"status": "stale"}'::jsonb;
  END IF;

  -- The human number (AT-2026-000123): drawn from the sequence only for an order that is written.
  seq := nextval('order_number_seq');
  order_number := (p ->> 'numberPrefix') || lpad(seq::text, greatest((p ->> 'numberDigits')::int, length(seq::text)), '0');

  INSERT INTO "orders" ("id", "number", "customer_id", "product_id", "product_version_id", "quantity", "selection", "snapshot",
      "config_hash", "currency", "unit_price_cents", "total_cents", "lead_days", "production_hours", "promised_date",
      "shipping_address", "notes", "idempotency_key", "created_at", "updated_at", "status", "hold_until")
    SELECT order_id, order_number, x."customerId", x."productId", x."productVersionId", x."quantity", x."selection", x."snapshot",
      x."configHash", x."currency", x."unitPriceCents", x."totalCents", x."leadDays", x."productionHours", x."promisedDate",
      x."shippingAddress", x."notes", x."idempotencyKey", placed_at, placed_at, new_status, (p ->> 'holdUntil')::timestamptz
    FROM jsonb_to_record(o) AS x("customerId" text, "productId" text, "productVersionId" text, "quantity" int,
      "selection" jsonb, "snapshot" jsonb, "configHash" text, "currency" text, "unitPriceCents" int, "totalCents" int,
      "leadDays" int, "productionHours" float8, "promisedDate" date, "shippingAddress" jsonb, "notes" text, "idempotencyKey" text);

  INSERT INTO "order_options" ("id", "order_id", "group_id", "group_label", "option_id", "label", "value", "unit", "price_cents")
    SELECT gen_random_uuid()::text, order_id, c."group", c."groupLabel", c."option", c."label", c."value", c."unit", c."priceCents"
    FROM jsonb_to_recordset(p -> 'choices') AS c("group" text, "groupLabel" text, "option" text, "label" text, "value" text,
      "unit" text, "priceCents" int);

  INSERT INTO "order_events" ("id", "order_id", "to_status", "actor_id", "created_at")
    VALUES (gen_random_uuid()::text, order_id, new_status, o ->> 'customerId', placed_at);

  IF jsonb_typeof(p -> 'email') = 'object' THEN
    INSERT INTO "email_outbox" ("id", "to", "subject", "text", "html", "order_id")
      VALUES (gen_random_uuid()::text, p -> 'email' ->> 'to', replace(p -> 'email' ->> 'subject', p ->> 'numberToken', order_number),
        replace(p -> 'email' ->> 'text', p ->> 'numberToken', order_number), replace(p -> 'email' ->> 'html', p ->> 'numberToken', order_number),
        order_id);
  END IF;

  INSERT INTO "audit_log" ("id", "actor_id", "action", "entity_type", "entity_id", "summary", "created_at")
    VALUES (gen_random_uuid()::text, o ->> 'customerId', 'order.place', 'Order', order_id,
      CASE WHEN new_status = 'AWAITING_APPROVAL' THEN 'Placed ' || order_number || ', awaiting approval' ELSE 'Placed ' || order_number END, placed_at);

  PERFORM "book_capacity"(order_id, default_hours, p -> 'bookings');

  RETURN jsonb_build_object('status', 'placed', 'id', order_id, 'number', order_number);
END;
$$ LANGUAGE plpgsql;
