// Bulk data for the load benchmark: customers who can sign in, and orders copied from the seeded demo orders
// (a bounded set of open orders, then years of finished ones; every customer and product) up to a target count,
// each as the application would have left it, so that `npm run db:check` passes on the result: its option rows
// and operations (copied from its template), its events (PLACED, IN_PRODUCTION once it went into production, and
// the event of its current status), a production job once it went into production, and while it is placed,
// confirmed or in production, its operations' hours booked on working days of their work centres
// (capacity_bookings, and the booked hours of those capacity_days).
import bcrypt from "bcryptjs";
import type { Prisma } from "@/lib/db/client";

/** Enough for three size steps of bench/run.ts (PLACING_CUSTOMERS each) and its growth comparison (GROWTH_CUSTOMERS). */
export const BENCH_CUSTOMERS = 820;
export const BENCH_PASSWORD = "bench-password-2026";
/**
 * Work in progress is bounded by the workshop's capacity while history keeps growing, so the first copies are
 * open orders (every stage up to Shipped, promised in the next 12 weeks), the next RECENTLY_FINISHED were
 * finished in the last four weeks, and every later one was finished before that (delivered, or cancelled one
 * time in twelve, over four years).
 */
export const OPEN_ORDERS = 300;
/** Like work in progress, the orders finished in the last month are bounded by the workshop's throughput. */
export const RECENTLY_FINISHED = 100;

const benchEmail = (i: number) => `customer${i}@bench.test`;

/** The bench customers' sign-in names (customer1@bench.test ...). */
export function benchCustomerEmails(count: number): string[] {
  return Array.from({ length: count }, (_, i) => benchEmail(i + 1));
}

/**
 * The work centres' hours on a working weekday while the benchmark runs: the most a day may hold (the database
 * allows up to 1,000). Every weekday a centre works gets this many hours, so the orders a load places (thousands
 * per size step at some 20 hours each) fill a day in some 50 orders and the plan walks on through the days;
 * 1,000 hours a day over the 104 weeks the planner may book is far more than a benchmark run places.
 */
export const BENCH_DAY_HOURS = 1000;

/**
 * Creates the bench customers (a cheap bcrypt cost, so that signing in dozens of them stays quick), gives every
 * work centre BENCH_DAY_HOURS on the weekdays it works (and the days it already holds bookings on, unless an
 * exception sets them), so placing thousands of orders never runs out of capacity, and gives each customer a
 * fair-use cap on open hours that the orders of a load step never reach (the cap is still counted).
 */
export async function prepareBenchData(db: Prisma): Promise<void> {
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 4);
  await db.$executeRawUnsafe(
    `INSERT INTO users (id, email, name, password_hash, role, updated_at)
     SELECT 'bench-u' || g, 'customer' || g || '@bench.test', 'Bench Customer ' || g, $1, 'CUSTOMER', now()
     FROM generate_series(1, ${BENCH_CUSTOMERS}) g
     ON CONFLICT (email) DO NOTHING`,
    hash,
  );
  await plentyOfCapacity(db);
}

/**
 * Every work centre gets BENCH_DAY_HOURS on the weekdays it works, and so do the days that already hold bookings
 * (unless an exception sets them); each customer's fair-use cap on open hours becomes 1,000,000.
 */
export async function plentyOfCapacity(db: Prisma): Promise<void> {
  await db.$transaction([
    db.$executeRawUnsafe(
      `UPDATE work_centres SET weekday_hours = ARRAY(SELECT CASE WHEN h > 0 THEN ${BENCH_DAY_HOURS} ELSE 0 END FROM unnest(weekday_hours) WITH ORDINALITY u(h, i) ORDER BY i)::float8[], updated_at = now()`,
    ),
    // A day's row keeps the capacity its calendar gave when it was written: the days the seed's orders booked follow.
    db.$executeRawUnsafe(
      `UPDATE capacity_days d SET capacity_hours = ${BENCH_DAY_HOURS}, updated_at = now()
       WHERE d.capacity_hours > 0 AND NOT EXISTS (SELECT 1 FROM calendar_exceptions e WHERE e.work_centre_id = d.work_centre_id AND e.day = d.day)`,
    ),
    // A calendar change makes plans made before it stale (settings.calendar_version).
    db.$executeRawUnsafe(`UPDATE settings SET customer_open_hours_cap = 1000000, calendar_version = calendar_version + 1, updated_at = now() WHERE id = 1`),
  ]);
}

/**
 * Finishes the orders the benchmark's customers placed (still PLACED, as placing left them): placed six weeks
 * ago, in production two days later, made in a day and delivered five weeks ago, with their events, production
 * job and finished operations, and without their capacity bookings (the days' booked hours follow), as a
 * workshop that keeps up with its orders would have done by the next size step. Without it, each step's few
 * thousand orders stayed open, and the later steps' staff board counted and sorted seven times the work in
 * progress of the first. Orders of the demo customers are left alone. One transaction; returns how many were
 * finished.
 */
export async function finishPlacedOrders(db: Prisma): Promise<number> {
  const ids = (await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM orders WHERE status = 'PLACED' AND customer_id LIKE 'bench-u%' AND id NOT LIKE 'bench-o%'`,
  )).map((row) => row.id);
  if (ids.length === 0) return 0;
  const placed = `SELECT unnest($1::text[])`;
  const at = (days: number) => `now() - interval '${days} days'`;
  // The database takes a production job only for an order confirmed or in production: in production first.
  const results = await db.$transaction([
    db.$executeRawUnsafe(
      `WITH released AS (DELETE FROM capacity_bookings WHERE order_id IN (${placed}) RETURNING work_centre_id, day, hours),
            per_day AS (SELECT work_centre_id, day, sum(hours) AS hours FROM released GROUP BY 1, 2)
       UPDATE capacity_days d SET booked_hours = GREATEST(d.booked_hours - r.hours, 0), updated_at = now()
       FROM per_day r WHERE d.work_centre_id = r.work_centre_id AND d.day = r.day`,
      ids,
    ),
    db.$executeRawUnsafe(`UPDATE order_events SET created_at = ${at(40)} WHERE order_id IN (${placed})`, ids),
    db.$executeRawUnsafe(
      `INSERT INTO order_events (id, order_id, from_status, to_status, note, created_at)
       SELECT 'bench-i' || id, id, 'PLACED'::"OrderStatus", 'IN_PRODUCTION'::"OrderStatus", '', ${at(38)} FROM orders WHERE id IN (${placed})
       UNION ALL
       SELECT 'bench-d' || id, id, 'IN_PRODUCTION'::"OrderStatus", 'DELIVERED'::"OrderStatus", '', ${at(35)} FROM orders WHERE id IN (${placed})`,
      ids,
    ),
    db.$executeRawUnsafe(`UPDATE orders SET status = 'IN_PRODUCTION', created_at = ${at(40)} WHERE id IN (${placed})`, ids),
    db.$executeRawUnsafe(
      `INSERT INTO production_jobs (id, order_id, started_at, completed_at) SELECT 'bench-j' || id, id, ${at(38)}, ${at(37)} FROM orders WHERE id IN (${placed})`,
      ids,
    ),
    db.$executeRawUnsafe(
      `UPDATE order_operations SET status = 'DONE', started_at = ${at(38)}, finished_at = ${at(37)}, actual_hours = hours WHERE order_id IN (${placed})`,
      ids,
    ),
    db.$executeRawUnsafe(
      `UPDATE orders SET status = 'DELIVERED', version = version + 1, delivered_at = ${at(35)}, updated_at = ${at(35)} WHERE id IN (${placed})`,
      ids,
    ),
  ]);
  return results[results.length - 1]!;
}

/** The seeded orders the bench orders are copies of (the i-th bench order copies template i % count), numbered from 0. */
const TEMPLATES = `templates AS (SELECT row_number() OVER (ORDER BY number) - 1 AS i, * FROM orders WHERE id NOT LIKE 'bench-o%' AND customer_id NOT LIKE 'bench-u%'),
  t_count AS (SELECT count(*) AS c FROM templates)`;
/** The bench orders of a batch ($1 to $2) with their number g and their template's id. */
const BATCH_ORDERS = `batch AS (SELECT o.*, substr(o.id, 8)::int AS g FROM orders o WHERE o.id LIKE 'bench-o%' AND substr(o.id, 8)::int BETWEEN $1 AND $2)`;
const BATCH = `${BATCH_ORDERS},
  copies AS (SELECT b.*, t.id AS template_id FROM batch b, t_count JOIN templates t ON true WHERE t.i = b.g % t_count.c)`;
/**
 * The status of bench order number g: open ones in every stage up to Shipped, then finished ones. An order that
 * went into production is written IN_PRODUCTION, given its production job (the database takes one only for an
 * order confirmed or in production), then moved to this status.
 */
const STATUS = `(CASE WHEN g <= ${OPEN_ORDERS} THEN (ARRAY['PLACED','CONFIRMED','IN_PRODUCTION','QUALITY_CHECK','READY_TO_SHIP','SHIPPED'])[1 + g % 6]
  WHEN g % 12 = 0 THEN 'CANCELLED' ELSE 'DELIVERED' END)::"OrderStatus"`;
/** The statuses in which an order has gone into production (it has an IN_PRODUCTION event and a production job). */
const PRODUCED = `('IN_PRODUCTION','QUALITY_CHECK','READY_TO_SHIP','SHIPPED','DELIVERED')`;
/** Working days for the bench orders' bookings: Monday to Friday of the next 52 weeks, outside closures and exception days. */
const SLOTS = `slots AS (SELECT d::date AS day, (row_number() OVER (ORDER BY d) - 1)::int AS n FROM generate_series(current_date + 1, current_date + 364, interval '1 day') d
    WHERE extract(isodow FROM d) <= 5
      AND NOT EXISTS (SELECT 1 FROM shop_closures x WHERE d::date BETWEEN x.first_day AND x.last_day)
      AND NOT EXISTS (SELECT 1 FROM calendar_exceptions e WHERE e.day = d::date)),
  slot_count AS (SELECT count(*)::int AS c FROM slots)`;

/** Adds copies of the seeded orders until there are `target` orders (see OPEN_ORDERS). Returns the count afterwards. */
export async function fillOrders(db: Prisma, target: number): Promise<number> {
  const count = async () => Number((await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM orders"))[0]?.n ?? 0);
  const before = await count();
  const missing = target - before;
  if (missing <= 0) return before;
  const offset = Number((await db.$queryRawUnsafe<{ n: bigint | null }[]>(`SELECT max(substr(id, 8)::int) AS n FROM orders WHERE id LIKE 'bench-o%'`))[0]?.n ?? 0);
  // Batches keep each statement's memory small on the embedded database.
  for (let from = offset + 1; from <= offset + missing; from += 20_000) {
    const to = Math.min(offset + missing, from + 19_999);
    // An open order was placed 1 to 30 days ago (its events are all in the past), a finished one months or years ago.
    await db.$executeRawUnsafe(
      `WITH ${TEMPLATES}
       INSERT INTO orders (id, number, customer_id, product_id, product_version_id, status, version, quantity, selection, snapshot, config_hash,
         currency, unit_price_cents, total_cents, lead_days, production_hours, promised_date, shipping_address, notes, idempotency_key, created_at, updated_at,
         delivered_at, cancelled_at, cancel_reason)
       SELECT x.id, x.number, x.customer_id, x.product_id, x.product_version_id,
         CASE WHEN x.status IN ${PRODUCED} THEN 'IN_PRODUCTION'::"OrderStatus" ELSE x.status END, 1, x.quantity, x.selection, x.snapshot, x.config_hash,
         x.currency, x.unit_price_cents, x.total_cents, x.lead_days, x.production_hours, x.promised_date, x.shipping_address, '', x.idempotency_key,
         x.created_at, x.updated_at,
         CASE WHEN x.status = 'DELIVERED' THEN x.updated_at END, CASE WHEN x.status = 'CANCELLED' THEN x.updated_at END,
         CASE WHEN x.status = 'CANCELLED' THEN 'Customer changed their mind' END
       FROM (
         SELECT 'bench-o' || g AS id, 'AT-2025-' || lpad(g::text, 7, '0') AS number, 'bench-u' || (1 + g % ${BENCH_CUSTOMERS}) AS customer_id,
           t.product_id, t.product_version_id,
           ${STATUS} AS status,
           t.quantity, t.selection, t.snapshot, t.config_hash, t.currency, t.unit_price_cents, t.total_cents, t.lead_days, t.production_hours,
           CASE WHEN g <= ${OPEN_ORDERS} THEN current_date + (g * 7) % 84
                WHEN g <= ${OPEN_ORDERS + RECENTLY_FINISHED} THEN current_date - g % 28 - 3
                ELSE current_date - 38 - (g * 7919) % 1460 END AS promised_date,
           t.shipping_address, 'bench-' || g AS idempotency_key,
           CASE WHEN g <= ${OPEN_ORDERS} THEN now() - ((1 + g % 30) || ' days')::interval ELSE now() - ((60 + (g * 7919) % 1460) || ' days')::interval END AS created_at,
           CASE WHEN g <= ${OPEN_ORDERS} THEN now()
                WHEN g <= ${OPEN_ORDERS + RECENTLY_FINISHED} THEN now() - ((g % 28) || ' days')::interval
                ELSE now() - ((35 + (g * 7919) % 1460) || ' days')::interval END AS updated_at
         FROM generate_series($1::int, $2::int) g, t_count JOIN templates t ON true
         WHERE t.i = g % t_count.c) x`,
      from,
      to,
    );
    await db.$executeRawUnsafe(
      `WITH ${TEMPLATES}, ${BATCH}
       INSERT INTO order_options (id, order_id, group_id, group_label, option_id, label, value, unit, price_cents)
       SELECT c.id || ':' || x.id, c.id, x.group_id, x.group_label, x.option_id, x.label, x.value, x.unit, x.price_cents
       FROM copies c JOIN order_options x ON x.order_id = c.template_id`,
      from,
      to,
    );
    // Events (by the status the order ends in): PLACED; IN_PRODUCTION half a day later once it went into production; its current status a day after placing.
    await db.$executeRawUnsafe(
      `WITH ${BATCH_ORDERS}
       INSERT INTO order_events (id, order_id, from_status, to_status, note, created_at)
       SELECT 'bench-e' || o.id, o.id, NULL::"OrderStatus", 'PLACED'::"OrderStatus", '', o.created_at FROM batch o
       UNION ALL
       SELECT 'bench-i' || o.id, o.id, 'PLACED'::"OrderStatus", 'IN_PRODUCTION'::"OrderStatus", '', o.created_at + interval '12 hours' FROM batch o
       WHERE ${STATUS} IN ${PRODUCED}
       UNION ALL
       SELECT 'bench-f' || o.id, o.id, (CASE WHEN ${STATUS} IN ${PRODUCED} THEN 'IN_PRODUCTION' ELSE 'PLACED' END)::"OrderStatus", ${STATUS}, '',
         o.created_at + interval '1 day' FROM batch o
       WHERE ${STATUS} NOT IN ('PLACED', 'IN_PRODUCTION')`,
      from,
      to,
    );
    // Production started half a day after placing; made in six hours unless still in production.
    await db.$executeRawUnsafe(
      `WITH ${BATCH_ORDERS}
       INSERT INTO production_jobs (id, order_id, started_at, completed_at)
       SELECT 'bench-j' || o.id, o.id, o.created_at + interval '12 hours', CASE WHEN ${STATUS} = 'IN_PRODUCTION' THEN NULL ELSE o.created_at + interval '18 hours' END
       FROM batch o WHERE o.status = 'IN_PRODUCTION'`,
      from,
      to,
    );
    await db.$executeRawUnsafe(
      `WITH ${BATCH_ORDERS} UPDATE orders x SET status = ${STATUS} FROM batch o WHERE x.id = o.id AND x.status <> ${STATUS}`,
      from,
      to,
    );
    // The template's operations: pending until production; the first running while in production; all done after it.
    await db.$executeRawUnsafe(
      `WITH ${TEMPLATES}, ${BATCH}
       INSERT INTO order_operations (id, order_id, seq, operation_key, label, work_centre_id, hours, status, started_at, finished_at, actual_hours)
       SELECT c.id || ':' || x.seq, c.id, x.seq, x.operation_key, x.label, x.work_centre_id, x.hours, s.status::"OperationStatus",
         CASE WHEN s.status <> 'PENDING' THEN c.created_at + interval '12 hours' END,
         CASE WHEN s.status = 'DONE' THEN c.created_at + interval '18 hours' END,
         CASE WHEN s.status = 'DONE' THEN x.hours END
       FROM copies c JOIN order_operations x ON x.order_id = c.template_id
       CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'IN_PRODUCTION' AND x.seq = 0 THEN 'RUNNING'
         WHEN c.status IN ${PRODUCED} AND c.status <> 'IN_PRODUCTION' THEN 'DONE' ELSE 'PENDING' END AS status) s`,
      from,
      to,
    );
    // An open order's operations each hold their hours on one working day, one day after the other, the orders
    // spread evenly over the next 52 weeks (as placing them would have booked, in fewer days).
    // Three statements (days, bookings, the operations' planned days), as book_operations writes them: a
    // booking's day must exist when the booking is checked against it.
    const planned = `WITH ${SLOTS},
       ops AS (SELECT x.*, substr(x.order_id, 8)::int AS g FROM order_operations x JOIN orders o ON o.id = x.order_id
         WHERE o.id LIKE 'bench-o%' AND substr(o.id, 8)::int BETWEEN $1 AND $2 AND o.status IN ('PLACED', 'CONFIRMED', 'IN_PRODUCTION') AND x.hours > 0),
       planned AS (SELECT ops.*, s.day FROM ops, slot_count JOIN slots s ON true WHERE s.n = (ops.g * 7) % (slot_count.c - 8) + ops.seq)`;
    await db.$executeRawUnsafe(
      `${planned}
       INSERT INTO capacity_days (work_centre_id, day, capacity_hours, booked_hours, updated_at)
       SELECT p.work_centre_id, p.day, c.weekday_hours[extract(isodow FROM p.day)::int], sum(p.hours), now()
       FROM planned p JOIN work_centres c ON c.id = p.work_centre_id GROUP BY p.work_centre_id, p.day, c.weekday_hours
       ON CONFLICT (work_centre_id, day) DO UPDATE SET booked_hours = capacity_days.booked_hours + EXCLUDED.booked_hours, updated_at = now()`,
      from,
      to,
    );
    await db.$executeRawUnsafe(
      `${planned}
       INSERT INTO capacity_bookings (id, order_id, operation_id, work_centre_id, day, hours, created_at)
       SELECT 'bench-b' || p.id, p.order_id, p.id, p.work_centre_id, p.day, p.hours, now() FROM planned p`,
      from,
      to,
    );
    await db.$executeRawUnsafe(`${planned} UPDATE order_operations x SET planned_start = p.day, planned_end = p.day FROM planned p WHERE x.id = p.id`, from, to);
  }
  await db.$executeRawUnsafe("ANALYZE");
  return count();
}
