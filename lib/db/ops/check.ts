import type { Tx } from "../types";

export type Finding = { invariant: string; detail: string };

type Row = Record<string, unknown>;

// Each invariant of DESIGN.md as one query returning the rows that break it.
const CHECKS: { invariant: string; sql: string; describe: (row: Row) => string }[] = [
  {
    invariant: "production jobs belong to orders that were confirmed and went into production, and start after the order",
    sql: `SELECT j.order_id, o.number, o.status::text AS status, j.started_at, o.created_at
          FROM production_jobs j JOIN orders o ON o.id = j.order_id
          WHERE j.started_at < o.created_at
             OR NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'IN_PRODUCTION')`,
    describe: (r) => `order ${r.number} (${r.status}) has a production job it should not have`,
  },
  {
    invariant: "orders past IN_PRODUCTION have a production job",
    sql: `SELECT o.number, o.status::text AS status FROM orders o
          WHERE o.status IN ('IN_PRODUCTION','QUALITY_CHECK','READY_TO_SHIP','SHIPPED','DELIVERED')
            AND NOT EXISTS (SELECT 1 FROM production_jobs j WHERE j.order_id = o.id)`,
    describe: (r) => `order ${r.number} is ${r.status} without a production job`,
  },
  {
    invariant: "booked hours of each work centre's day equal the sum of its bookings and never exceed its capacity",
    sql: `SELECT d.work_centre_id, d.day::text AS day, d.booked_hours, d.capacity_hours, COALESCE(SUM(b.hours), 0) AS bookings
          FROM capacity_days d LEFT JOIN capacity_bookings b ON b.work_centre_id = d.work_centre_id AND b.day = d.day
          GROUP BY d.work_centre_id, d.day, d.booked_hours, d.capacity_hours
          HAVING ABS(d.booked_hours - COALESCE(SUM(b.hours), 0)) > 0.0001 OR d.booked_hours > d.capacity_hours + 0.0001`,
    describe: (r) => `${r.work_centre_id} on ${r.day}: booked ${r.booked_hours} h, bookings ${r.bookings} h, capacity ${r.capacity_hours} h`,
  },
  {
    invariant: "an order's operations add up to its production hours, and each booking belongs to an operation of its order at its work centre",
    sql: `SELECT o.number, o.production_hours, COALESCE((SELECT SUM(x.hours) FROM order_operations x WHERE x.order_id = o.id), 0) AS operations,
            (SELECT COUNT(*) FROM capacity_bookings b JOIN order_operations x ON x.id = b.operation_id
              WHERE b.order_id = o.id AND (x.order_id <> b.order_id OR x.work_centre_id <> b.work_centre_id)) AS misplaced
          FROM orders o
          WHERE ABS(o.production_hours - COALESCE((SELECT SUM(x.hours) FROM order_operations x WHERE x.order_id = o.id), 0)) > 0.0001
             OR EXISTS (SELECT 1 FROM capacity_bookings b JOIN order_operations x ON x.id = b.operation_id
              WHERE b.order_id = o.id AND (x.order_id <> b.order_id OR x.work_centre_id <> b.work_centre_id))`,
    describe: (r) => `order ${r.number} needs ${r.production_hours} h but its operations have ${r.operations} h (${r.misplaced} bookings elsewhere)`,
  },
  {
    invariant: "each operation not yet started of an order placed or confirmed holds exactly its hours; cancelled orders and orders awaiting approval hold none; no operation holds more than its hours",
    sql: `SELECT o.number, o.status::text AS status, x.label, x.status::text AS op_status, x.hours, COALESCE(SUM(b.hours), 0) AS booked
          FROM order_operations x JOIN orders o ON o.id = x.order_id LEFT JOIN capacity_bookings b ON b.operation_id = x.id
          GROUP BY o.number, o.status, x.id, x.label, x.status, x.hours
          HAVING (o.status IN ('CANCELLED', 'AWAITING_APPROVAL') AND COALESCE(SUM(b.hours), 0) > 0)
              OR (o.status IN ('PLACED', 'CONFIRMED', 'IN_PRODUCTION') AND x.status = 'PENDING' AND ABS(COALESCE(SUM(b.hours), 0) - x.hours) > 0.0001)
              OR COALESCE(SUM(b.hours), 0) > x.hours + 0.0001`,
    describe: (r) => `order ${r.number} (${r.status}): ${r.label} (${r.op_status}) needs ${r.hours} h but holds ${r.booked} h`,
  },
  {
    invariant: "finished work holds no hours after the day it finished: a done operation after its finish, an order after its production finished",
    sql: `SELECT o.number, o.status::text AS status, x.label, b.day::text AS day, b.hours, COALESCE(x.finished_at, j.completed_at) AS finished
          FROM capacity_bookings b JOIN order_operations x ON x.id = b.operation_id JOIN orders o ON o.id = b.order_id
          LEFT JOIN production_jobs j ON j.order_id = o.id
          WHERE (x.status = 'DONE' AND x.finished_at IS NOT NULL AND b.day > (x.finished_at AT TIME ZONE 'UTC')::date)
             OR (j.completed_at IS NOT NULL AND b.day > (j.completed_at AT TIME ZONE 'UTC')::date)`,
    describe: (r) => `order ${r.number} (${r.status}): ${r.label} finished on ${new Date(String(r.finished)).toISOString().slice(0, 10)} but still holds ${r.hours} h on ${r.day}`,
  },
  {
    invariant: "each order's status is the target of its last event, and its first event is PLACED (or AWAITING_APPROVAL for a large order)",
    sql: `SELECT o.number, o.status::text AS status, last.to_status::text AS last_event, first.to_status::text AS first_event
          FROM orders o
          LEFT JOIN LATERAL (SELECT to_status FROM order_events e WHERE e.order_id = o.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1) last ON true
          LEFT JOIN LATERAL (SELECT to_status FROM order_events e WHERE e.order_id = o.id ORDER BY e.created_at ASC, e.id ASC LIMIT 1) first ON true
          WHERE last.to_status IS DISTINCT FROM o.status OR first.to_status IS NULL OR first.to_status NOT IN ('PLACED', 'AWAITING_APPROVAL')`,
    describe: (r) => `order ${r.number} is ${r.status} but its events say ${r.first_event} … ${r.last_event}`,
  },
  {
    invariant: "an order awaiting approval has a hold end and no bookings; no other order has a hold",
    sql: `SELECT o.number, o.status::text AS status, o.hold_until FROM orders o
          WHERE (o.status = 'AWAITING_APPROVAL') <> (o.hold_until IS NOT NULL)`,
    describe: (r) => `order ${r.number} (${r.status}) has hold_until ${r.hold_until ?? "null"}`,
  },
  {
    invariant: "each order has its option rows and a snapshot whose breakdown sums to its total",
    sql: `SELECT o.number, o.total_cents,
            (SELECT COALESCE(SUM((l->>'amountCents')::bigint), -1) FROM jsonb_array_elements(o.snapshot->'breakdown'->'lines') l) AS lines_sum,
            (o.snapshot->'breakdown'->>'totalCents')::bigint AS snapshot_total,
            (SELECT COUNT(*) FROM order_options x WHERE x.order_id = o.id) AS options
          FROM orders o
          WHERE jsonb_typeof(o.snapshot->'breakdown'->'lines') IS DISTINCT FROM 'array'
             OR (SELECT COALESCE(SUM((l->>'amountCents')::bigint), -1) FROM jsonb_array_elements(o.snapshot->'breakdown'->'lines') l) <> o.total_cents
             OR (o.snapshot->'breakdown'->>'totalCents')::bigint IS DISTINCT FROM o.total_cents
             OR NOT EXISTS (SELECT 1 FROM order_options x WHERE x.order_id = o.id)`,
    describe: (r) => `order ${r.number}: total ${r.total_cents}, snapshot lines sum ${r.lines_sum}, snapshot total ${r.snapshot_total}, ${r.options} option rows`,
  },
  {
    invariant: "no customer keeps more than 100 saved designs or 20 saved addresses, and a saved design belongs to a version of its product",
    sql: `SELECT customer_id, 'saved designs' AS kind, COUNT(*) AS n FROM saved_designs GROUP BY customer_id HAVING COUNT(*) > 100
          UNION ALL SELECT customer_id, 'saved addresses', COUNT(*) FROM saved_addresses GROUP BY customer_id HAVING COUNT(*) > 20
          UNION ALL SELECT d.customer_id, 'designs on another product''s version', COUNT(*) FROM saved_designs d JOIN product_versions v ON v.id = d.version_id
                    WHERE v.product_id <> d.product_id GROUP BY d.customer_id`,
    describe: (r) => `customer ${r.customer_id} has ${r.n} ${r.kind}`,
  },
  {
    invariant: "each order's revision is 1 + its applied revisions, numbered 2..n, and the latest one's snapshot and total are the order's",
    sql: `SELECT o.number, o.revision, COUNT(r.id) AS applied, MIN(r.number) AS first, MAX(r.number) AS last, o.total_cents,
            l.total_after_cents AS last_total, (l.snapshot IS NOT DISTINCT FROM o.snapshot) AS same_snapshot
          FROM orders o
          LEFT JOIN order_revisions r ON r.order_id = o.id AND r.status = 'APPLIED'
          LEFT JOIN LATERAL (SELECT x.total_after_cents, x.snapshot FROM order_revisions x WHERE x.order_id = o.id AND x.status = 'APPLIED' ORDER BY x.number DESC LIMIT 1) l ON true
          GROUP BY o.id, o.number, o.revision, o.total_cents, o.snapshot, l.total_after_cents, l.snapshot
          HAVING o.revision <> 1 + COUNT(r.id)
              OR (COUNT(r.id) > 0 AND (MIN(r.number) <> 2 OR MAX(r.number) <> o.revision OR l.total_after_cents <> o.total_cents OR l.snapshot IS DISTINCT FROM o.snapshot))`,
    describe: (r) => `order ${r.number} is at revision ${r.revision} with ${r.applied} applied revisions (${r.first ?? "-"}..${r.last ?? "-"}), total ${r.total_cents} vs the last revision's ${r.last_total ?? "-"}${r.same_snapshot === false ? ", and a different snapshot" : ""}`,
  },
  {
    invariant: "each order is on a version of its own product, the one its snapshot (so its latest revision) was priced on",
    sql: `SELECT o.number, v.version, o.snapshot -> 'product' ->> 'version' AS snapshot_version, (v.product_id = o.product_id) AS same_product
          FROM orders o JOIN product_versions v ON v.id = o.product_version_id
          WHERE v.product_id <> o.product_id OR o.snapshot -> 'product' ->> 'versionId' IS DISTINCT FROM o.product_version_id`,
    describe: (r) => r.same_product === false ? `order ${r.number} is on another product's version` : `order ${r.number} is on version ${r.version} but its snapshot was priced on version ${r.snapshot_version ?? "(none)"}`,
  },
  {
    invariant: "each applied revision replaced the snapshot the one before it made",
    sql: `SELECT o.number, r.number AS revision FROM order_revisions r JOIN orders o ON o.id = r.order_id
          JOIN order_revisions p ON p.order_id = r.order_id AND p.status = 'APPLIED' AND p.number = r.number - 1
          WHERE r.status = 'APPLIED' AND r.previous_snapshot IS DISTINCT FROM p.snapshot`,
    describe: (r) => `order ${r.number}: revision ${r.revision} does not start from revision ${Number(r.revision) - 1}'s snapshot`,
  },
];

/** Checks the invariants of DESIGN.md on a live database; an empty list means consistent. */
export async function checkConsistency(db: Tx): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const rows = await db.$queryRawUnsafe<Row[]>(check.sql);
    for (const row of rows) findings.push({ invariant: check.invariant, detail: check.describe(row) });
  }
  return findings;
}

export const INVARIANTS = CHECKS.map((c) => c.invariant);
