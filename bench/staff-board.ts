// `npx tsx bench/staff-board.ts`: server time to render the staff board (/staff) with 10 orders and with
// 10,000 orders, on PostgreSQL. It creates a database on the local server, migrates and seeds it (10 demo
// orders), starts the production build (`next start`, NEXT_DIST_DIR or .next) on it, signs in as staff and
// times GET /staff; then bulk-inserts orders up to 10,000 (bench/lib/volume.ts: work in progress bounded, the rest
// history, each with its operations, events and day bookings) and times again; then stops the server and drops
// the database. Also times the board's reads alone (findBoard, in this process) for each size.
import { spawn } from "node:child_process";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/ops/migrate";
import { assertLocal } from "@/lib/db/ops/prepare";
import { withPostgresRunner } from "@/lib/db/ops/sql-runner";
import { findBoard } from "@/lib/production/board";
import { seedDatabase } from "@/prisma/seed-database";
import { createScratchDatabase } from "./lib/scratch-database";
import { fillOrders, prepareBenchData } from "./lib/volume";

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
    await prepareBenchData(database.prisma);
    server = spawn("npx", ["next", "start", "-p", String(PORT)], {
      env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789" },
      stdio: "ignore",
      detached: true,
    });
    await waitForServer();
    const cookie = await signIn();
    for (const size of [0, TARGET]) {
      if (size) await fillOrders(database.prisma, size);
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
