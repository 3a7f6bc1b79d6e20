-- The order write: the one place the place_order, read_planning, book_hours and book_operations functions are defined. The migration
-- runner (lib/db/ops/migrate.ts) applies every file in prisma/sql after the migrations, each time it runs:
-- edit the function here, never in a migration. lib/orders/place-order.ts calls both:
--   1. read_planning(since, false): what planning needs (the settings, the work centres' calendars, the booked hours);
--   2. the order is planned in TypeScript (lib/delivery/schedule.ts, the planner the browser runs too);
--   3. place_order(p): under the booking lock, checks that the plan is still the one current figures give,
--      then writes the order and books its hours, in one statement; or answers "stale" and writes nothing,
--      and the order is planned again inside a transaction that takes the lock first (read_planning(since, true)).
-- Why SQL at all: see docs/performance.md ("Order placement in two statements").

-- The fair-use settings of the row (lib/settings/fair-use.ts), as read_planning sends them and place_order compares them.
CREATE OR REPLACE FUNCTION "fair_use_row"(s "settings") RETURNS jsonb AS $$
  SELECT jsonb_build_object('maxQuantity', s."max_quantity", 'customerOpenHoursCap', s."customer_open_hours_cap",
    'approvalHoursThreshold', s."approval_hours_threshold", 'approvalValueThreshold', s."approval_value_threshold",
    'approvalHoldDays', s."approval_hold_days");
$$ LANGUAGE sql STABLE;

-- The settings planning depends on (null without a settings row): a plan made on others is stale.
CREATE OR REPLACE FUNCTION "planning_settings_row"(s "settings") RETURNS jsonb AS $$
  SELECT jsonb_build_object('companyName', s."company_name", 'currency', s."currency", 'shippingDays', s."shipping_days",
    'calendarVersion', s."calendar_version");
$$ LANGUAGE sql STABLE;

-- What planning reads, as {"settings", "fairUse", "centres": [[id, name, weekdayHours]], "exceptions": [[centre, day,
-- hours]], "closures": [[name, first, last]], "booked": [[centre, day, bookedHours]]}: the active work centres, the
-- calendar and the booked hours from `since` on. With `take_lock`, first takes the transaction-scoped booking lock
-- (72707370, BOOKING_LOCK in lib/delivery/capacity.ts): the rows are read after it is granted, so they include
-- every booking committed before.
CREATE OR REPLACE FUNCTION "read_planning"(since date, take_lock boolean) RETURNS jsonb AS $$
DECLARE
  result jsonb;
BEGIN
  IF take_lock THEN
    PERFORM pg_advisory_xact_lock(72707370);
  END IF;
  SELECT jsonb_build_object(
    'settings', (SELECT "planning_settings_row"(s) FROM "settings" s WHERE s."id" = 1),
    'fairUse', (SELECT "fair_use_row"(s) FROM "settings" s WHERE s."id" = 1),
    'centres', (SELECT COALESCE(jsonb_agg(jsonb_build_array(c."id", c."name", c."weekday_hours") ORDER BY c."sort_order", c."name"), '[]'::jsonb)
        FROM "work_centres" c WHERE c."active"),
    'exceptions', (SELECT COALESCE(jsonb_agg(jsonb_build_array(e."work_centre_id", e."day", e."hours")), '[]'::jsonb)
        FROM "calendar_exceptions" e WHERE e."day" >= since),
    'closures', (SELECT COALESCE(jsonb_agg(jsonb_build_array(x."name", x."first_day", x."last_day") ORDER BY x."first_day"), '[]'::jsonb)
        FROM "shop_closures" x WHERE x."last_day" >= since),
    'booked', (SELECT COALESCE(jsonb_agg(jsonb_build_array(d."work_centre_id", d."day", d."booked_hours")), '[]'::jsonb)
        FROM "capacity_days" d WHERE d."day" >= since AND d."booked_hours" > 0))
    INTO result;
  RETURN result;
END;
$$ LANGUAGE plpgsql;

-- Books the hours of planned operations of an order (operations: [{"operationId", "workCentre", "bookings": [{"day",
-- "hours", "capacity"}]}]): each day gets its hours and the capacity the plan read from the calendar (the calendar
-- version the plan was made on is current: the caller checked it), in (centre, day) order, and each operation its
-- bookings. The caller holds the booking lock and planned on current figures. capacity_days_hours_check is the backstop.
CREATE OR REPLACE FUNCTION "book_hours"(order_id text, operations jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO "capacity_days" ("work_centre_id", "day", "capacity_hours", "booked_hours", "updated_at")
    SELECT o."workCentre", b."day", max(b."capacity"), sum(b."hours"), now()
    FROM jsonb_to_recordset(operations) AS o("workCentre" text, "bookings" jsonb)
    CROSS JOIN LATERAL jsonb_to_recordset(o."bookings") AS b("day" date, "hours" float8, "capacity" float8)
    GROUP BY o."workCentre", b."day"
    ORDER BY o."workCentre", b."day"
  ON CONFLICT ("work_centre_id", "day") DO UPDATE
    SET "booked_hours" = "capacity_days"."booked_hours" + EXCLUDED."booked_hours",
        "capacity_hours" = EXCLUDED."capacity_hours", "updated_at" = now();
  INSERT INTO "capacity_bookings" ("id", "order_id", "operation_id", "work_centre_id", "day", "hours", "created_at")
    SELECT gen_random_uuid()::text, order_id, o."operationId", o."workCentre", b."day", b."hours", now()
    FROM jsonb_to_recordset(operations) AS o("operationId" text, "workCentre" text, "bookings" jsonb)
    CROSS JOIN LATERAL jsonb_to_recordset(o."bookings") AS b("day" date, "hours" float8);
END;
$$ LANGUAGE plpgsql;

-- Books planned operations of existing order operations (operations as book_hours takes them, each with its "start"
-- and "end"): their hours (book_hours), and each operation's planned start and end. The caller holds the booking
-- lock and planned on current figures: lib/orders/approval.ts when staff approve a large order,
-- lib/production/late-work.ts when late work rolls forward (place_order writes new operations with their dates and
-- books their hours itself).
CREATE OR REPLACE FUNCTION "book_operations"(order_id text, operations jsonb) RETURNS void AS $$
BEGIN
  PERFORM "book_hours"(order_id, operations);
  UPDATE "order_operations" x SET "planned_start" = o."start", "planned_end" = o."end"
    FROM jsonb_to_recordset(operations) AS o("operationId" text, "start" date, "end" date)
    WHERE x."id" = o."operationId";
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
--                                                 day it looked at would now be planned differently (a skipped day has
--                                                 room, a filled day holds other hours, an operation's last day lacks
--                                                 room for its hours), or the calendar
--                                                 changed (nothing written);
--   {"status": "placed", "id", "number"}          written: the order, its option rows, its operations, the PLACED event
--                                                 (its trigger tells live pages), the email, the audit entry and the bookings.
-- p: {"order": {...columns}, "expect": {"productId", "slug", "name", "versionId"}, "numberPrefix", "numberDigits", "choices": [...], "email": {...} | null (its "numberToken"
--     replaced by the order's number: the number is drawn here, once the order is sure to be written), "limit": {"count", "windowSeconds"} | null,
--     "settings": the planning settings the plan used (planning_settings_row; null: none, the defaults),
--     "fairUseRow": the fair-use settings the order was judged on (null: none, the defaults), "fairUse": the rules applied
--     ({"customerOpenHoursCap"}) or null (not applied: staff tools, tests), "status": "PLACED" or "AWAITING_APPROVAL"
--     (books nothing; "holdUntil" ends its hold),
--     "operations": [{"operationId", "seq", "key", "label", "workCentre", "hours", "start", "end", "bookings": [{"day", "hours",
--     "capacity"}]}] (no bookings for an order awaiting approval), "seen": [{"centre", "day", "booked"}] every working day
--     the plan looked at, with the hours it saw booked there}.
-- capacity_days_hours_check refuses an overbooked day (the backstop: after the check above it cannot happen).
CREATE OR REPLACE FUNCTION "place_order"(p jsonb) RETURNS jsonb AS $$
DECLARE
  o jsonb := p -> 'order';
  order_id text := gen_random_uuid()::text;
  placed_at timestamptz := (o ->> 'placedAt')::timestamptz;
  found_order record;
  recent int;
  oldest timestamptz;
  settings_now jsonb;
  stale_day date;
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

  SELECT "planning_settings_row"(s) INTO settings_now FROM "settings" s WHERE s."id" = 1;
  IF settings_now IS DISTINCT FROM NULLIF(p -> 'settings', 'null'::jsonb)
     OR (SELECT "fair_use_row"(s) FROM "settings" s WHERE s."id" = 1) IS DISTINCT FROM NULLIF(p -> 'fairUseRow', 'null'::jsonb) THEN
    RETURN '{"status": "stale"}'::jsonb;
  END IF;
  -- The plan still holds when each day it looked at would be planned the same now: a day it skipped (full) is
  -- still full, a day it filled (not its operation's last) holds what it saw, and the last day of an operation still
  -- has room for its hours there (by the capacity the plan used). Orders booked meanwhile on the same days do not
  -- make it stale while they leave the room it needs.
  SELECT f."day" INTO stale_day
    FROM jsonb_to_recordset(p -> 'seen') AS f("centre" text, "day" date, "booked" float8)
    LEFT JOIN (
      SELECT o."workCentre" AS "centre", b."day", sum(b."hours") AS "hours", max(b."capacity") AS "capacity", bool_or(b."day" = o."end") AS "last"
      FROM jsonb_to_recordset(p -> 'operations') AS o("workCentre" text, "end" date, "bookings" jsonb)
      CROSS JOIN LATERAL jsonb_to_recordset(o."bookings") AS b("day" date, "hours" float8, "capacity" float8)
      GROUP BY 1, 2) u ON u."centre" = f."centre" AND u."day" = f."day"
    LEFT JOIN "capacity_days" d ON d."work_centre_id" = f."centre" AND d."day" = f."day"
    CROSS JOIN LATERAL (SELECT COALESCE(d."booked_hours", 0) AS "now") c
    WHERE CASE WHEN u."day" IS NULL THEN c."now" < f."booked" - 0.000001
               WHEN NOT u."last" THEN abs(c."now" - f."booked") > 0.000001
               ELSE c."now" > u."capacity" - u."hours" + 0.000001 END
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

  -- The audit entry's changes: readable before/after rows, as lib/audit/changes.ts writes them.
  INSERT INTO "audit_log" ("id", "actor_id", "action", "entity_type", "entity_id", "summary", "changes", "created_at")
    VALUES (gen_random_uuid()::text, o ->> 'customerId', 'order.place', 'Order', order_id,
      CASE WHEN new_status = 'AWAITING_APPROVAL' THEN 'Placed ' || order_number || ', awaiting approval' ELSE 'Placed ' || order_number END,
      jsonb_build_array(jsonb_build_object('field', 'Status', 'before', NULL, 'after', CASE WHEN new_status = 'AWAITING_APPROVAL' THEN 'Awaiting approval' ELSE 'Placed' END)),
      placed_at);

  -- The operations with their planned start and end (none for an order awaiting approval: it is planned when approved),
  -- then their hours.
  INSERT INTO "order_operations" ("id", "order_id", "seq", "operation_key", "label", "work_centre_id", "hours", "planned_start", "planned_end")
    SELECT x."operationId", order_id, x."seq", x."key", x."label", x."workCentre", x."hours",
      CASE WHEN new_status = 'PLACED' THEN x."start" END, CASE WHEN new_status = 'PLACED' THEN x."end" END
    FROM jsonb_to_recordset(p -> 'operations') AS x("operationId" text, "seq" int, "key" text, "label" text, "workCentre" text, "hours" float8,
      "start" date, "end" date);
  IF new_status = 'PLACED' THEN
    PERFORM "book_hours"(order_id, p -> 'operations');
  END IF;

  RETURN jsonb_build_object('status', 'placed', 'id', order_id, 'number', order_number);
END;
$$ LANGUAGE plpgsql;
