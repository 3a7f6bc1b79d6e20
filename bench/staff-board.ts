// `npx tsx bench/staff-board.ts`: server time to render the staff board (/staff) with 10 orders and with
// 10,000 orders, on PostgreSQL. It creates a database on the local server, migrates and seeds it (10 demo
// orders), starts the production build (`next start`, NEXT_DIST_DIR or .next) on it, signs in as staff and
// times GET /staff; then bulk-inserts orders up to 10,000 and times again; then stops the server and drops
// the database. Also times the board's reads alone (findBoard, in this process) for each size.
import { spawn } from "node:child_process";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/ops/migrate";
import { assertLocal } from "@/lib/db/ops/prepare";
import { withPostgresRunner } from "@/lib/db/ops/sql-runner";
import { findBoard } from "@/lib/production/board";
import { seedDatabase } from "@/prisma/seed-database";
import { createScratchDatabase } from "./lib/scratch-database";

const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const TARGET = Number(process.env.BENCH_BOARD_ORDERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const base = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

async function timeIt(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await task(); // warm-up (JIT, connection pool, route compilation)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

/** Signs in through next-auth's credentials endpoint and returns the cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => res.headers.getSetCookie().forEach((c) => { const [pair = ""] = c.split(";"); const i = pair.indexOf("="); jar.set(pair.slice(0, i), pair.slice(i + 1)); });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: "staff@atelier.test", password: process.env.ATELIER_DEMO_PASSWORD_STAFF || "staff-demo-2026", json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/** Copies the seeded orders into `target - current` more, spread over statuses, customers, products and dates. */
async function fillOrders(client: pg.Client, target: number): Promise<void> {
  await client.query(`INSERT INTO users (id, email, name, password_hash, role, updated_at)
    SELECT 'bench-u' || g, 'customer' || g || '@bench.test', 'Bench Customer ' || g, 'x', 'CUSTOMER', now() FROM generate_series(1, 500) g`);
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM orders");
  const missing = target - Number(rows[0]?.n ?? 0);
  await client.query(`
    WITH templates AS (SELECT row_number() OVER (ORDER BY number) - 1 AS i, * FROM orders),
         t_count AS (SELECT count(*) AS c FROM templates)
    INSERT INTO orders (id, number, customer_id, product_id, product_version_id, status, version, quantity, selection, snapshot, config_hash,
      currency, unit_price_cents, total_cents, lead_days, production_hours, promised_date, shipping_address, notes, idempotency_key, created_at, updated_at)
    SELECT 'bench-o' || g, 'AT-2025-' || lpad(g::text, 6, '0'), 'bench-u' || (1 + g % 500), t.product_id, t.product_version_id,
      (ARRAY['PLACED','CONFIRMED','IN_PRODUCTION','QUALITY_CHECK','READY_TO_SHIP','SHIPPED','DELIVERED','DELIVERED','DELIVERED','CANCELLED'])[1 + g % 10]::"OrderStatus",
      1, t.quantity, t.selection, t.snapshot, t.config_hash, t.currency, t.unit_price_cents, t.total_cents, t.lead_days, t.production_hours,
      current_date + ((g * 7919) % 240 - 120), t.shipping_address, '', 'bench-' || g, now() - ((g % 365) || ' days')::interval, now()
    FROM generate_series(1, $1::int) g, t_count JOIN templates t ON true
    WHERE t.i = g % t_count.c`, [missing]);
  // One small booking per open order in one of the next 20 weeks, as placing an order would have made.
  await client.query(`
    INSERT INTO capacity_weeks (week, week_start, capacity_hours, booked_hours, updated_at)
    SELECT to_char(d, 'IYYY-"W"IW'), date_trunc('week', d)::date, 80, 0, now() FROM generate_series(current_date, current_date + 140, '7 days') d
    ON CONFLICT (week) DO NOTHING`);
  await client.query(`
    INSERT INTO capacity_bookings (id, order_id, week, hours)
    SELECT 'bench-b' || o.id, o.id, to_char(current_date + 7 * (abs(hashtext(o.id)) % 20), 'IYYY-"W"IW'), 0.01
    FROM orders o WHERE o.id LIKE 'bench-o%' AND o.status NOT IN ('SHIPPED', 'DELIVERED', 'CANCELLED')`);
  await client.query(`UPDATE capacity_weeks w SET booked_hours = s.h FROM (SELECT week, sum(hours) h FROM capacity_bookings GROUP BY week) s WHERE s.week = w.week`);
  await client.query("ANALYZE");
}

async function main() {
  assertLocal({ kind: "postgres", url: SERVER });
  const scratch = await createScratchDatabase(SERVER, "atelier_bench_staff");
  const dbUrl = scratch.url;
  let server: ReturnType<typeof spawn> | null = null;
  const results: { orders: number; http: number[]; reads: number[] }[] = [];
  try {
    await withPostgresRunner(dbUrl, applyMigrations);
    const database = await openDatabase({ kind: "postgres", url: dbUrl });
    await seedDatabase(database.prisma);
    server = spawn("npx", ["next", "start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789" },
      stdio: "ignore",
      detached: true,
    });
    await waitForServer();
    const cookie = await signIn();
    const raw = new pg.Client({ connectionString: dbUrl });
    await raw.connect();
    for (const size of [0, TARGET]) {
      if (size) await fillOrders(raw, size);
      const orders = await database.prisma.order.count();
      const http = await timeIt(RUNS, async () => {
        const res = await fetch(`${base}/staff`, { headers: { Cookie: cookie } });
        const html = await res.text();
        if (res.status !== 200 || !html.includes("Production board")) throw new Error(`GET /staff: ${res.status}`);
      });
      const reads = await timeIt(RUNS, () => findBoard(database.prisma, { page: {} }));
      results.push({ orders, http, reads });
      console.log(`${orders} orders: GET /staff median ${median(http).toFixed(1)} ms (p95 ${p95(http).toFixed(1)}), findBoard median ${median(reads).toFixed(1)} ms`);
    }
    const search = await timeIt(RUNS, () => fetch(`${base}/staff?q=customer%2042&product=linden-sofa`, { headers: { Cookie: cookie } }).then((r) => r.text()));
    console.log(`${TARGET} orders, search + product filter: GET median ${median(search).toFixed(1)} ms (p95 ${p95(search).toFixed(1)})`);
    await raw.end();
    await database.close();
    const [small, large] = results;
    if (small && large) {
      console.log("\n| orders | GET /staff median | p95 | findBoard median |\n| ---: | ---: | ---: | ---: |");
      for (const r of results) console.log(`| ${r.orders.toLocaleString("en-GB")} | ${median(r.http).toFixed(1)} ms | ${p95(r.http).toFixed(1)} ms | ${median(r.reads).toFixed(1)} ms |`);
      console.log(`\nRatio ${large.orders} / ${small.orders} orders: page ${(median(large.http) / median(small.http)).toFixed(2)}x, reads ${(median(large.reads) / median(small.reads)).toFixed(2)}x`);
    }
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
