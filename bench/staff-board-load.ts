// `npx tsx bench/staff-board-load.ts DIST_DIR [DIST_DIR...]`: the staff board against the static page under load,
// on one PostgreSQL database of BENCH_BOARD_ORDERS orders (default 100,000, grown as `npm run bench` grows
// it), for each given build folder in turn (A/B of two builds: `NEXT_DIST_DIR=.next-a npx next build`, change,
// `NEXT_DIST_DIR=.next-b npx next build`). Per build: ROUNDS rounds of the static page and the board at
// concurrency 16 (3 s each), then the board at concurrency 1; prints req/s, p50 and the median ratio. With
// PROFILE=1 each server runs with --cpu-prof and only the board is loaded (no static page, so no ratio); once
// the server stops the packages and functions with the most CPU time are printed.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/ops/prepare";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { seedDatabase } from "@/prisma/seed-database";
import { runLoad, type Scenario } from "./lib/load";
import { summarizeProfile } from "./lib/profile";
import { createScratchDatabase } from "./lib/scratch-database";
import { BENCH_SERVER_ENV, signIn, startServer, warm } from "./lib/server";
import { fillOrders, prepareBenchData } from "./lib/volume";

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ORDERS = Number(process.env.BENCH_BOARD_ORDERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3485);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * CPU seconds the server process has used so far (user + system, all its threads; Linux /proc). On a shared
 * machine whose load swings, CPU per request is the steadier measure: a CPU-bound server's throughput ratio
 * between two pages is close to the inverse ratio of their CPU per request.
 */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15) in clock ticks
}

async function measure(pid: number, base: string, scenario: Scenario, connections: number, seconds: number | { requests: number }) {
  const before = cpuSeconds(pid);
  const result = await runLoad(base, scenario, connections, seconds);
  return { result, cpuMs: ((cpuSeconds(pid) - before) * 1000) / Math.max(1, result.requests) };
}

async function main() {
  const dists = process.argv.slice(2);
  if (!dists.length) throw new Error("usage: bench/staff-board-load.ts DIST_DIR [DIST_DIR...]");
  const scratch = await createScratchDatabase(SERVER_URL, "atelier_bench_board");
  try {
    await migrateDatabase(resolveDatabaseConfig(scratch.url));
    const database = await openDatabase({ kind: "postgres", url: scratch.url });
    await seedDatabase(database.prisma);
    await prepareBenchData(database.prisma);
    await fillOrders(database.prisma, ORDERS);
    console.log(`${await database.prisma.order.count()} orders`);
    await database.close();
    for (const distDir of dists) {
      const profileDir = process.env.PROFILE === "1" ? fs.mkdtempSync("/tmp/atelier-board-prof-") : null;
      const server = await startServer({ port: PORT, distDir, databaseUrl: scratch.url, env: BENCH_SERVER_ENV, nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] });
      try {
        const staff = await signIn(server.base, "staff@atelier.test", process.env.ATELIER_DEMO_PASSWORD_STAFF || "staff-demo-2026");
        const html = await warm(server.base, "/staff", staff, 5);
        await warm(server.base, "/forbidden");
        const cards = html.match(/data-testid="order-card"/g)?.length ?? 0;
        const board: Scenario = { name: "staff board", path: "/staff", cookies: [staff], expect: { status: 200, text: "Production board" } };
        const fixed: Scenario = { name: "static", path: "/forbidden", expect: { status: 200, text: "have access" } };
        const pid = server.process.pid!;
        const ratios: number[] = [];
        const cpuRatios: number[] = [];
        const rates: number[] = [];
        const p50s: number[] = [];
        const cpus: number[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          // A profile shows the board alone: the static page's rounds are left out (its ratio then reads 1 req/s).
          const base = profileDir ? { result: { requestsPerSecond: 1 }, cpuMs: 1 } : await measure(pid, server.base, fixed, 16, 3);
          const result = await measure(pid, server.base, board, 16, 3);
          ratios.push(result.result.requestsPerSecond / base.result.requestsPerSecond);
          cpuRatios.push(base.cpuMs / result.cpuMs);
          rates.push(result.result.requestsPerSecond);
          p50s.push(result.result.latencyMs.p50);
          cpus.push(result.cpuMs);
          console.log(`${distDir} round ${round}: static ${base.result.requestsPerSecond.toFixed(1)}/s (${base.cpuMs.toFixed(2)} ms CPU each), board ${result.result.requestsPerSecond.toFixed(1)}/s p50 ${result.result.latencyMs.p50} ms (${result.cpuMs.toFixed(1)} ms CPU each, ${result.result.failed} failed), throughput ratio ${(result.result.requestsPerSecond / base.result.requestsPerSecond).toFixed(3)}x, CPU ratio ${(base.cpuMs / result.cpuMs).toFixed(3)}x`);
        }
        const c1 = await measure(pid, server.base, board, 1, { requests: 30 });
        const c1Static = await measure(pid, server.base, fixed, 1, { requests: 200 });
        console.log(`${distDir}: concurrency 1, CPU per request: static ${c1Static.cpuMs.toFixed(2)} ms, board ${c1.cpuMs.toFixed(1)} ms (CPU ratio ${(c1Static.cpuMs / c1.cpuMs).toFixed(3)}x)`);
        console.log(`${distDir}: HTML ${html.length.toLocaleString("en-GB")} B, ${cards} cards | c16 median ${median(rates).toFixed(1)}/s, p50 ${median(p50s)} ms, throughput ratio ${median(ratios).toFixed(3)}x | CPU per board request ${median(cpus).toFixed(1)} ms, CPU ratio ${median(cpuRatios).toFixed(3)}x | c1 ${c1.result.requestsPerSecond.toFixed(1)}/s, mean ${c1.result.latencyMs.mean.toFixed(1)} ms`);
      } finally {
        await server.stop();
      }
      if (profileDir) for (const file of fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"))) summarizeProfile(path.join(profileDir, file));
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
