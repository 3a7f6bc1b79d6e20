// Bulk data for the load benchmark: customers who can sign in, and orders copied from the seeded demo orders
// (a bounded set of open orders, then years of finished ones; every customer and product) up to a target count,
// each with its PLACED event (and the event of its current status) and, while open, a capacity booking.
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
 * Creates the bench customers (a cheap bcrypt cost, so that signing in dozens of them stays quick) and
 * gives the workshop enough weekly hours that placing thousands of orders never runs out of capacity, and each
 * customer a fair-use cap on open hours that the orders of a load step never reach (the cap is still counted).
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
  await db.settings.update({ where: { id: 1 }, data: { defaultWeeklyHours: 1_000_000, customerOpenHoursCap: 1_000_000 } });
  await db.$executeRawUnsafe(`UPDATE capacity_weeks SET capacity_hours = 1000000 WHERE NOT is_override`);
}

/**
 * Finishes the orders the benchmark's customers placed (still PLACED, as placing left them): placed six weeks
 * ago and delivered five weeks ago, with their events and without their capacity bookings, as a workshop that
 * keeps up with its orders would have done by the next size step. Without it, each step's few thousand orders
 * stayed open, and the later steps' staff board counted and sorted seven times the work in progress of the
 * first. Orders of the demo customers are left alone. One transaction; returns how many were finished.
 */
export async function finishPlacedOrders(db: Prisma): Promise<number> {
  const placed = `SELECT id FROM orders WHERE status = 'PLACED' AND customer_id LIKE 'bench-u%' AND id NOT LIKE 'bench-o%'`;
  const [, , , , finished] = await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM capacity_bookings WHERE order_id IN (${placed})`),
    db.$executeRawUnsafe(`UPDATE order_events SET created_at = now() - interval '40 days' WHERE order_id IN (${placed})`),
    db.$executeRawUnsafe(
      `UPDATE capacity_weeks w SET booked_hours = coalesce((SELECT sum(hours) FROM capacity_bookings b WHERE b.week = w.week), 0)`,
    ),
    db.$executeRawUnsafe(
      `INSERT INTO order_events (id, order_id, from_status, to_status, note, created_at)
       SELECT 'bench-d' || id, id, 'PLACED'::"OrderStatus", 'DELIVERED'::"OrderStatus", '', now() - interval '35 days' FROM orders WHERE id IN (${placed})`,
    ),
    db.$executeRawUnsafe(
      `UPDATE orders SET status = 'DELIVERED', version = version + 1, created_at = now() - interval '40 days', updated_at = now() - interval '35 days'
       WHERE id IN (${placed})`,
    ),
  ]);
  return finished;
}

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
    await db.$executeRawUnsafe(
      `WITH templates AS (SELECT row_number() OVER (ORDER BY number) - 1 AS i, * FROM orders WHERE id NOT LIKE 'bench-o%'),
            t_count AS (SELECT count(*) AS c FROM templates)
       INSERT INTO orders (id, number, customer_id, product_id, product_version_id, status, version, quantity, selection, snapshot, config_hash,
         currency, unit_price_cents, total_cents, lead_days, production_hours, promised_date, shipping_address, notes, idempotency_key, created_at, updated_at)
       SELECT 'bench-o' || g, 'AT-2025-' || lpad(g::text, 7, '0'), 'bench-u' || (1 + g % ${BENCH_CUSTOMERS}), t.product_id, t.product_version_id,
         (CASE WHEN g <= ${OPEN_ORDERS} THEN (ARRAY['PLACED','CONFIRMED','IN_PRODUCTION','QUALITY_CHECK','READY_TO_SHIP','SHIPPED'])[1 + g % 6]
               WHEN g % 12 = 0 THEN 'CANCELLED' ELSE 'DELIVERED' END)::"OrderStatus",
         1, t.quantity, t.selection, t.snapshot, t.config_hash, t.currency, t.unit_price_cents, t.total_cents, t.lead_days, t.production_hours,
         CASE WHEN g <= ${OPEN_ORDERS} THEN current_date + (g * 7) % 84
              WHEN g <= ${OPEN_ORDERS + RECENTLY_FINISHED} THEN current_date - g % 28 - 3
              ELSE current_date - 38 - (g * 7919) % 1460 END,
         t.shipping_address, '', 'bench-' || g,
         CASE WHEN g <= ${OPEN_ORDERS} THEN now() - ((g % 30) || ' days')::interval ELSE now() - ((60 + (g * 7919) % 1460) || ' days')::interval END,
         CASE WHEN g <= ${OPEN_ORDERS} THEN now()
              WHEN g <= ${OPEN_ORDERS + RECENTLY_FINISHED} THEN now() - ((g % 28) || ' days')::interval
              ELSE now() - ((35 + (g * 7919) % 1460) || ' days')::interval END
       FROM generate_series($1::int, $2::int) g, t_count JOIN templates t ON true
       WHERE t.i = g % t_count.c`,
      from,
      to,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO order_events (id, order_id, from_status, to_status, note, created_at)
       SELECT 'bench-e' || o.id, o.id, NULL::"OrderStatus", 'PLACED'::"OrderStatus", '', o.created_at FROM orders o
       WHERE o.id LIKE 'bench-o%' AND substr(o.id, 8)::int BETWEEN $1 AND $2
       UNION ALL
       SELECT 'bench-f' || o.id, o.id, 'PLACED'::"OrderStatus", o.status, '', o.created_at + interval '1 day' FROM orders o
       WHERE o.id LIKE 'bench-o%' AND substr(o.id, 8)::int BETWEEN $1 AND $2 AND o.status <> 'PLACED'`,
      from,
      to,
    );
    // One small booking per open order in one of the next 20 weeks, as placing an order would have made.
    await db.$executeRawUnsafe(
      `INSERT INTO capacity_weeks (week, week_start, capacity_hours, booked_hours, updated_at)
       SELECT to_char(d, 'IYYY-"W"IW'), date_trunc('week', d)::date, 1000000, 0, now() FROM generate_series(current_date, current_date + 140, '7 days') d
       ON CONFLICT (week) DO NOTHING`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO capacity_bookings (id, order_id, week, hours)
       SELECT 'bench-b' || o.id, o.id, to_char(current_date + 7 * (abs(hashtext(o.id)) % 20), 'IYYY-"W"IW'), 0.01
       FROM orders o WHERE o.id LIKE 'bench-o%' AND substr(o.id, 8)::int BETWEEN $1 AND $2
         AND o.status NOT IN ('SHIPPED', 'DELIVERED', 'CANCELLED')`,
      from,
      to,
    );
  }
  await db.$executeRawUnsafe(
    `UPDATE capacity_weeks w SET booked_hours = s.h FROM (SELECT week, sum(hours) h FROM capacity_bookings GROUP BY week) s WHERE s.week = w.week`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  return count();
}
