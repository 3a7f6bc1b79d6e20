// Query plans of the hot queries on the benchmark's largest database (EXPLAIN ANALYZE), so that a
// sequential scan over the orders shows up in the results next to the figures it explains.
import type { Prisma } from "@/lib/db/client";

export type QueryPlan = { name: string; sql: string; plan: string[]; executionMs: number; seqScanOnLargeTable: boolean };

const LARGE_TABLES = ["orders", "order_events", "capacity_bookings", "order_options", "users"];

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
    { name: "place order: capacity ahead", sql: "SELECT week, capacity_hours, is_override, booked_hours FROM capacity_weeks WHERE week_start >= current_date - 7" },
    { name: "cancel: the order's bookings", sql: `SELECT week, hours FROM capacity_bookings WHERE order_id = ${quote(sample.id)}` },
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
