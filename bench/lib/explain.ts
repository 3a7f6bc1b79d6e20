// Query plans of the hot queries on the benchmark's largest database (EXPLAIN ANALYZE), so that a
// sequential scan over the orders shows up in the results next to the figures it explains.
import type { Prisma } from "@/lib/db/client";

export type QueryPlan = { name: string; sql: string; plan: string[]; executionMs: number; seqScanOnLargeTable: boolean };

const LARGE_TABLES = ["orders", "order_events", "capacity_bookings", "capacity_days", "order_operations", "order_options", "production_jobs", "users"];

export async function explainHotQueries(db: Prisma): Promise<QueryPlan[]> {
  const [sample] = await db.$queryRawUnsafe<{ number: string; customer_id: string; id: string; idempotency_key: string }[]>(
    "SELECT number, customer_id, id, idempotency_key FROM orders ORDER BY created_at DESC LIMIT 1",
  );
  if (!sample) return [];
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const queries: { name: string; sql: string }[] = [
    { name: "staff board: count of an open column", sql: "SELECT count(*) FROM orders WHERE status = 'IN_PRODUCTION'" },
    { name: "staff board: count of delivered (30 days)", sql: "SELECT count(*) FROM orders WHERE status = 'DELIVERED' AND updated_at >= now() - interval '30 days'" },
    {
      name: "staff board: one column page",
      sql: "SELECT number, status, quantity, promised_date FROM orders WHERE status = 'PLACED' ORDER BY promised_date ASC, number ASC LIMIT 20",
    },
    {
      name: "staff board: a finished column page",
      sql: "SELECT number, status, quantity, promised_date FROM orders WHERE status = 'DELIVERED' AND updated_at >= now() - interval '30 days' ORDER BY updated_at DESC, number ASC LIMIT 20",
    },
    { name: "order page: the customer's order", sql: `SELECT * FROM orders WHERE number = ${quote(sample.number)} AND customer_id = ${quote(sample.customer_id)} LIMIT 1` },
    { name: "order page: its events", sql: `SELECT * FROM order_events WHERE order_id = ${quote(sample.id)} ORDER BY created_at ASC` },
    { name: "my orders: the customer's list", sql: `SELECT number, status, total_cents FROM orders WHERE customer_id = ${quote(sample.customer_id)} ORDER BY created_at DESC LIMIT 200` },
    { name: "place order: idempotency key", sql: `SELECT number, customer_id FROM orders WHERE idempotency_key = ${quote(sample.idempotency_key)}` },
    // read_planning (prisma/sql/place_order.sql): the booked days ahead, read by every estimate and placement.
    { name: "place order: booked days ahead", sql: "SELECT work_centre_id, day, booked_hours FROM capacity_days WHERE day >= current_date - 1 AND booked_hours > 0" },
    { name: "place order: read_planning", sql: "SELECT read_planning(current_date - 1, false)" },
    // place_order's check that the days the plan looked at still hold what it saw (one lookup per day seen).
    {
      name: "place order: the days seen, still as seen",
      sql: `SELECT f.day FROM (SELECT work_centre_id AS centre, day, booked_hours AS booked FROM capacity_days WHERE day >= current_date ORDER BY day LIMIT 60) f
            LEFT JOIN capacity_days d ON d.work_centre_id = f.centre AND d.day = f.day WHERE abs(COALESCE(d.booked_hours, 0) - f.booked) > 0.000001 LIMIT 1`,
    },
    { name: "place order: the customer's open hours (fair use)", sql: `SELECT COALESCE(sum(production_hours), 0) FROM orders WHERE customer_id = ${quote(sample.customer_id)} AND status NOT IN ('DELIVERED', 'CANCELLED', 'AWAITING_APPROVAL')` },
    { name: "cancel: the order's bookings", sql: `SELECT work_centre_id, day, hours FROM capacity_bookings WHERE order_id = ${quote(sample.id)}` },
    { name: "shop floor: a centre's queue", sql: "SELECT id, order_id, seq, planned_start FROM order_operations WHERE work_centre_id = (SELECT id FROM work_centres ORDER BY sort_order LIMIT 1) AND status <> 'DONE' ORDER BY planned_start LIMIT 50" },
  ];
  const plans: QueryPlan[] = [];
  for (const query of queries) {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF) ${query.sql}`);
    const plan = rows.map((r) => r["QUERY PLAN"]);
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join("\n"))?.[1] ?? NaN);
    const seqScanOnLargeTable = plan.some((line) => LARGE_TABLES.some((t) => new RegExp(`Seq Scan on ${t}\\b`).test(line)));
    plans.push({ ...query, plan, executionMs, seqScanOnLargeTable });
  }
  return plans;
}
