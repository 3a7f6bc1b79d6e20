-- place_order (20261125006200_place_order_full_weeks) with the customer's order rate limit checked in the
-- statement that writes the order: with `limit` ({"count", "windowSeconds"}) in its argument, an order is
-- refused ({"status": "limited", "retryAt"}) when the customer already placed `count` orders in the
-- `windowSeconds` before this one's placedAt; retryAt is when the oldest of them leaves the window. A
-- resubmission of an order already placed (same idempotency key) is still answered with it. This replaces
-- the checkout's separate rate-limit hit (an upsert and a commit of its own on every attempt): the count
-- reads the orders_customer_id_created_at_idx index and writes nothing.

CREATE OR REPLACE FUNCTION "place_order"(p jsonb) RETURNS jsonb AS $$
DECLARE
  o jsonb := p -> 'order';
  snapshot jsonb := o -> 'snapshot';
  replay jsonb;
  product_current boolean;
  current_settings jsonb;
  seq bigint;
  order_number text;
  booked jsonb;
  not_full text;
  recent int;
  oldest timestamptz;
BEGIN
  SELECT
    (SELECT jsonb_build_object('number', x."number", 'customerId', x."customer_id") FROM "orders" x WHERE x."idempotency_key" = o ->> 'idempotencyKey'),
    EXISTS (SELECT 1 FROM "products" pr JOIN "product_versions" v ON v."id" = pr."current_version_id"
      WHERE pr."id" = p -> 'expect' ->> 'productId' AND pr."slug" = p -> 'expect' ->> 'slug' AND pr."name" = p -> 'expect' ->> 'name'
        AND v."id" = p -> 'expect' ->> 'versionId' AND v."status" = 'PUBLISHED'),
    (SELECT jsonb_build_object('companyName', s."company_name", 'currency', s."currency",
        'defaultWeeklyHours', s."default_weekly_hours", 'shippingDays', s."shipping_days") FROM "settings" s WHERE s."id" = 1)
    INTO replay, product_current, current_settings;
  IF replay IS NOT NULL THEN
    RETURN replay || '{"status": "replay"}'::jsonb;
  END IF;
  IF p ? 'limit' THEN
    SELECT count(*), min(x."created_at") INTO recent, oldest
      FROM "orders" x
      WHERE x."customer_id" = o ->> 'customerId'
        AND x."created_at" > (o ->> 'placedAt')::timestamptz - make_interval(secs => (p -> 'limit' ->> 'windowSeconds')::float8);
    IF recent >= (p -> 'limit' ->> 'count')::int THEN
      RETURN jsonb_build_object('status', 'limited',
        'retryAt', oldest + make_interval(secs => (p -> 'limit' ->> 'windowSeconds')::float8));
    END IF;
  END IF;
  IF p ? 'expect' THEN
    IF NOT product_current THEN
      RETURN '{"status": "product"}'::jsonb;
    END IF;
    IF current_settings IS DISTINCT FROM NULLIF(p -> 'expect' -> 'settings', 'null'::jsonb) THEN
      RETURN jsonb_build_object('status', 'settings', 'settings', current_settings);
    END IF;
  END IF;

  seq := nextval('order_number_seq');
  order_number := (p ->> 'numberPrefix') || lpad(seq::text, greatest((p ->> 'numberDigits')::int, length(seq::text)), '0');

  INSERT INTO "orders" ("id", "number", "customer_id", "product_id", "product_version_id", "status", "quantity", "selection",
      "snapshot", "config_hash", "currency", "unit_price_cents", "total_cents", "lead_days", "production_hours", "promised_date",
      "shipping_address", "notes", "idempotency_key", "created_at", "updated_at")
    SELECT x."id", order_number, x."customerId", x."productId", x."productVersionId", 'PLACED'::"OrderStatus", x."quantity", snapshot -> 'selection',
      snapshot, x."configHash", x."currency", x."unitPriceCents", x."totalCents", x."leadDays", x."productionHours", x."promisedDate",
      x."shippingAddress", x."notes", x."idempotencyKey", x."placedAt", x."placedAt"
    FROM jsonb_to_record(o) AS x("id" text, "customerId" text, "productId" text, "productVersionId" text, "quantity" int,
      "configHash" text, "currency" text, "unitPriceCents" int, "totalCents" int,
      "leadDays" int, "productionHours" float8, "promisedDate" date, "shippingAddress" jsonb, "notes" text,
      "idempotencyKey" text, "placedAt" timestamptz);

  INSERT INTO "order_options" ("id", "order_id", "group_id", "group_label", "option_id", "label", "value", "unit", "price_cents")
    SELECT ids.id, o ->> 'id', c."group", c."groupLabel", c."option", c."label", c."value", c."unit", c."priceCents"
    FROM ROWS FROM (jsonb_to_recordset(snapshot -> 'choices') AS ("group" text, "groupLabel" text, "option" text, "label" text,
      "value" text, "unit" text, "priceCents" int)) WITH ORDINALITY AS c("group", "groupLabel", "option", "label", "value", "unit", "priceCents", n)
    JOIN jsonb_array_elements_text(p -> 'optionIds') WITH ORDINALITY AS ids(id, n) ON ids.n = c.n;

  INSERT INTO "order_events" ("id", "order_id", "to_status", "actor_id", "created_at")
    SELECT e."id", o ->> 'id', 'PLACED'::"OrderStatus", e."actorId", e."createdAt"
    FROM jsonb_to_record(p -> 'event') AS e("id" text, "actorId" text, "createdAt" timestamptz);

  INSERT INTO "email_outbox" ("id", "to", "subject", "text", "html", "order_id")
    SELECT m."id", m."to", replace(m."subject", p ->> 'numberToken', order_number), replace(m."text", p ->> 'numberToken', order_number),
      replace(m."html", p ->> 'numberToken', order_number), o ->> 'id'
    FROM jsonb_to_recordset(p -> 'emails') AS m("id" text, "to" text, "subject" text, "text" text, "html" text);

  -- Last, so the booked weeks' rows stay locked (by this transaction, until it commits) as briefly as possible.
  WITH "taken" AS (
    INSERT INTO "capacity_weeks" ("week", "week_start", "capacity_hours", "booked_hours", "updated_at")
      SELECT b."week", b."weekStart",
        COALESCE((SELECT s."default_weekly_hours" FROM "settings" s WHERE s."id" = 1), (p ->> 'defaultWeeklyHours')::float8), b."hours", now()
      FROM jsonb_to_recordset(p -> 'bookings') AS b("week" text, "weekStart" date, "hours" float8)
      ORDER BY b."week"
    ON CONFLICT ("week") DO UPDATE
      SET "booked_hours" = "capacity_weeks"."booked_hours" + EXCLUDED."booked_hours", "updated_at" = now()
    RETURNING "week", "capacity_hours", "is_override", "booked_hours"
  ),
  "recorded" AS (
    INSERT INTO "capacity_bookings" ("id", "order_id", "week", "hours", "created_at")
      SELECT b."id", o ->> 'id', b."week", b."hours", now()
      FROM jsonb_to_recordset(p -> 'bookings') AS b("id" text, "week" text, "hours" float8)
  )
  SELECT COALESCE(jsonb_agg(jsonb_build_array(t."week", t."capacity_hours", t."is_override", t."booked_hours")), '[]'::jsonb)
    INTO booked FROM "taken" t;

  IF jsonb_array_length(COALESCE(p -> 'fullWeeks', '[]'::jsonb)) > 0 THEN
    SELECT f."week" INTO not_full
      FROM jsonb_array_elements_text(p -> 'fullWeeks') AS f("week")
      LEFT JOIN "capacity_weeks" w ON w."week" = f."week"
      WHERE CASE WHEN w."is_override" THEN w."capacity_hours"
                 ELSE COALESCE((SELECT s."default_weekly_hours" FROM "settings" s WHERE s."id" = 1), (p ->> 'defaultWeeklyHours')::float8)
            END - COALESCE(w."booked_hours", 0) > 0.000001
      LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'capacity plan out of date: week % has free hours', not_full USING ERRCODE = '40001';
    END IF;
  END IF;

  RETURN jsonb_build_object('status', 'placed', 'id', o ->> 'id', 'number', order_number, 'weeks', booked);
END;
$$ LANGUAGE plpgsql;
