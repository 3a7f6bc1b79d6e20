-- Work centres, working calendars, operations and bookings per work centre per day (DESIGN.md, "Delivery
-- promise"). Replaces the one pool of hours per ISO week: existing data moves to one "Workshop" centre whose
-- weekdays share the old default weekly hours (Monday to Friday), each order gets one operation there, and
-- each week's bookings are spread over its weekdays. Orders keep their promised dates.

CREATE TYPE "OperationStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE');

CREATE TABLE "work_centres" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "weekday_hours" DOUBLE PRECISION[] NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "work_centres_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "work_centres_id_check" CHECK ("id" ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    CONSTRAINT "work_centres_weekday_hours_check" CHECK (
      array_length("weekday_hours", 1) = 7 AND array_position("weekday_hours", NULL) IS NULL
      AND 0 <= ALL ("weekday_hours") AND 1000 >= ALL ("weekday_hours"))
);

CREATE TABLE "calendar_exceptions" (
    "work_centre_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "calendar_exceptions_pkey" PRIMARY KEY ("work_centre_id", "day"),
    CONSTRAINT "calendar_exceptions_hours_check" CHECK ("hours" >= 0 AND "hours" <= 1000),
    CONSTRAINT "calendar_exceptions_work_centre_id_fkey" FOREIGN KEY ("work_centre_id") REFERENCES "work_centres"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "shop_closures" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shop_closures_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shop_closures_days_check" CHECK ("last_day" >= "first_day")
);
CREATE INDEX "shop_closures_last_day_idx" ON "shop_closures"("last_day");

-- One row per work centre and day that holds bookings: the day's capacity (from the calendar when the row was
-- written; calendar edits update it) and the hours booked. No day is ever overbooked, whatever the code does.
CREATE TABLE "capacity_days" (
    "work_centre_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "capacity_hours" DOUBLE PRECISION NOT NULL,
    "booked_hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "capacity_days_pkey" PRIMARY KEY ("work_centre_id", "day"),
    CONSTRAINT "capacity_days_hours_check" CHECK ("capacity_hours" >= 0 AND "booked_hours" >= 0 AND "booked_hours" <= "capacity_hours" + 0.000001),
    CONSTRAINT "capacity_days_work_centre_id_fkey" FOREIGN KEY ("work_centre_id") REFERENCES "work_centres"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "capacity_days_day_idx" ON "capacity_days"("day");

-- An order's operations, in routing order: where, how many hours, when planned, and what happened on the floor.
CREATE TABLE "order_operations" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "operation_key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "work_centre_id" TEXT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "planned_start" DATE,
    "planned_end" DATE,
    "status" "OperationStatus" NOT NULL DEFAULT 'PENDING',
    "started_at" TIMESTAMPTZ(3),
    "started_by_id" TEXT,
    "finished_at" TIMESTAMPTZ(3),
    "finished_by_id" TEXT,
    "actual_hours" DOUBLE PRECISION,
    CONSTRAINT "order_operations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_operations_hours_check" CHECK ("hours" >= 0 AND ("actual_hours" IS NULL OR "actual_hours" >= 0)),
    CONSTRAINT "order_operations_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "order_operations_work_centre_id_fkey" FOREIGN KEY ("work_centre_id") REFERENCES "work_centres"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "order_operations_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "order_operations_finished_by_id_fkey" FOREIGN KEY ("finished_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "order_operations_order_id_seq_key" ON "order_operations"("order_id", "seq");
CREATE INDEX "order_operations_work_centre_id_status_planned_start_idx" ON "order_operations"("work_centre_id", "status", "planned_start");

ALTER TABLE "orders" ADD COLUMN "at_risk" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "settings" ADD COLUMN "calendar_version" INTEGER NOT NULL DEFAULT 0;

-- The old model, as data for the move.
ALTER TABLE "capacity_bookings" RENAME TO "capacity_bookings_weekly";
ALTER TABLE "capacity_bookings_weekly" RENAME CONSTRAINT "capacity_bookings_pkey" TO "capacity_bookings_weekly_pkey";

CREATE TABLE "capacity_bookings" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "operation_id" TEXT NOT NULL,
    "work_centre_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "capacity_bookings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "capacity_bookings_hours_check" CHECK ("hours" > 0),
    CONSTRAINT "capacity_bookings_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "capacity_bookings_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "order_operations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "capacity_bookings_work_centre_id_day_fkey" FOREIGN KEY ("work_centre_id", "day") REFERENCES "capacity_days"("work_centre_id", "day") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "capacity_bookings_operation_id_day_key" ON "capacity_bookings"("operation_id", "day");
CREATE INDEX "capacity_bookings_work_centre_id_day_idx" ON "capacity_bookings"("work_centre_id", "day");
CREATE INDEX "capacity_bookings_order_id_idx" ON "capacity_bookings"("order_id");

-- The move. The Workshop works Monday to Friday, a fifth of the old default weekly hours a day.
INSERT INTO "work_centres" ("id", "name", "sort_order", "weekday_hours", "updated_at")
  SELECT 'workshop', 'Workshop', 0, ARRAY[h, h, h, h, h, 0, 0]::float8[], now()
  FROM (SELECT COALESCE((SELECT "default_weekly_hours" / 5 FROM "settings" WHERE "id" = 1), 16)::float8 AS h) d;

-- A week an admin had set (holiday, overtime) becomes five exceptions with a fifth of its hours each.
INSERT INTO "calendar_exceptions" ("work_centre_id", "day", "hours", "note", "updated_at")
  SELECT 'workshop', w."week_start" + i, w."capacity_hours" / 5, 'Week ' || w."week" || ' set to ' || w."capacity_hours" || ' h', now()
  FROM "capacity_weeks" w CROSS JOIN generate_series(0, 4) i WHERE w."is_override";

INSERT INTO "order_operations" ("id", "order_id", "seq", "operation_key", "label", "work_centre_id", "hours",
    "planned_start", "planned_end", "status", "started_at", "finished_at")
  SELECT gen_random_uuid()::text, o."id", 0, 'workshop', 'Workshop', 'workshop', o."production_hours",
    (SELECT min(w."week_start") FROM "capacity_bookings_weekly" b JOIN "capacity_weeks" w ON w."week" = b."week" WHERE b."order_id" = o."id"),
    (SELECT max(w."week_start") + 4 FROM "capacity_bookings_weekly" b JOIN "capacity_weeks" w ON w."week" = b."week" WHERE b."order_id" = o."id"),
    (CASE WHEN o."status" = 'IN_PRODUCTION' THEN 'RUNNING'
          WHEN o."status" IN ('QUALITY_CHECK', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED') THEN 'DONE'
          ELSE 'PENDING' END)::"OperationStatus",
    j."started_at", j."completed_at"
  FROM "orders" o LEFT JOIN "production_jobs" j ON j."order_id" = o."id";

-- Each week's bookings spread evenly over its weekdays; an order whose production finished in that week over the
-- weekdays up to the day it finished (the hours after it were given back already). A day's capacity is a fifth of
-- its week's, or what it holds when that is more (past days of orders finished early).
CREATE TEMPORARY TABLE "spread" ON COMMIT DROP AS
  SELECT b."order_id", op."id" AS "operation_id", b."created_at", w."week_start" + i AS "day", w."capacity_hours" / 5 AS "capacity",
    b."hours" / n."days" AS "hours"
  FROM "capacity_bookings_weekly" b JOIN "capacity_weeks" w ON w."week" = b."week"
  JOIN "order_operations" op ON op."order_id" = b."order_id" AND op."seq" = 0
  LEFT JOIN "production_jobs" j ON j."order_id" = b."order_id"
  CROSS JOIN LATERAL (SELECT CASE
      WHEN j."completed_at" IS NOT NULL AND (j."completed_at" AT TIME ZONE 'UTC')::date BETWEEN w."week_start" AND w."week_start" + 4
        THEN (j."completed_at" AT TIME ZONE 'UTC')::date - w."week_start" + 1
      ELSE 5 END AS "days") n
  CROSS JOIN generate_series(0, n."days" - 1) i;

INSERT INTO "capacity_days" ("work_centre_id", "day", "capacity_hours", "booked_hours", "updated_at")
  SELECT 'workshop', "day", GREATEST(max("capacity"), sum("hours")), sum("hours"), now() FROM "spread" GROUP BY "day";

INSERT INTO "capacity_bookings" ("id", "order_id", "operation_id", "work_centre_id", "day", "hours", "created_at")
  SELECT gen_random_uuid()::text, "order_id", "operation_id", 'workshop', "day", "hours", "created_at" FROM "spread";

DROP TABLE "capacity_bookings_weekly";
DROP TABLE "capacity_weeks";
DROP FUNCTION IF EXISTS "book_capacity"(text, float8, jsonb);
DROP FUNCTION IF EXISTS "read_capacity"(date, boolean);
ALTER TABLE "settings" DROP COLUMN "default_weekly_hours";
