// Order placement against the one-row insert, alone: starts `next start` on the bench build (.next-bench, from
// `npm run bench`) against a fresh PostgreSQL database and alternates rounds of the insert baseline and of
// placing orders through the real server action at concurrency 16, printing each round's ratio and the median.
// With PROFILE=1 the server runs with --cpu-prof, and once it stops the functions and files with the most CPU
// time are printed; with DATABASE=pglite it runs on a fresh embedded database instead.
// Usage: npx tsx bench/placement.ts [seconds per round] [rounds] (BENCH_PORT: the server's port, 3350;
// BENCH_DB_PREFIX: before the scratch database's name; BENCH_ORDERS: fill the database to this many orders first,
// as a step of npm run bench does, with its open orders booked over the next 52 weeks).
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/ops/prepare";
import { seedDatabase } from "@/prisma/seed-database";
import { actionId, checkoutBody, PLACED_MARK, readCheckoutFields, withFreshKey } from "./lib/checkout";
import { runLoad, type Scenario } from "./lib/load";
import { summarizeProfile } from "./lib/profile";
import { createScratchDatabase } from "./lib/scratch-database";
import { BENCH_SERVER_ENV, signInCustomers, startServer, warm } from "./lib/server";
import { BENCH_CUSTOMERS, benchCustomerEmails, fillOrders, prepareBenchData } from "./lib/volume";

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DIST_DIR = process.env.BENCH_DIST ?? ".next-bench"; // another build to compare: BENCH_DIST=.next-x
const seconds = Number(process.argv[2] ?? 4);
const rounds = Number(process.argv[3] ?? 3);
const profiling = process.env.PROFILE === "1";
const connections = Number(process.env.CONNECTIONS ?? 16);
const embedded = process.env.DATABASE === "pglite";

/** CPU time (user + system) the process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** A load round with the server's CPU time per successful request. */
async function measured(base: string, pid: number, scenario: Scenario, seconds: number) {
  const before = cpuMs(pid);
  const result = await runLoad(base, scenario, connections, seconds);
  return { ...result, cpuMsPerRequest: (cpuMs(pid) - before) / Math.max(1, result.ok) };
}

async function main() {
  if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error("build first: npm run bench (or BENCH_SIZES=1000 BENCH_DATABASES=postgres npm run bench)");
  const dir = fs.mkdtempSync("/tmp/atelier-prof-");
  const scratch = embedded
    ? { url: `file:${path.join(dir, "data")}`, drop: async () => fs.rmSync(path.join(dir, "data"), { recursive: true, force: true }) }
    : await createScratchDatabase(SERVER_URL, "atelier_prof");
  try {
    const config = resolveDatabaseConfig(scratch.url);
    await migrateDatabase(config);
    const database = await openDatabase(config);
    await seedDatabase(database.prisma);
    await prepareBenchData(database.prisma);
    if (process.env.BENCH_ORDERS) console.log(`filled to ${await fillOrders(database.prisma, Number(process.env.BENCH_ORDERS))} orders`);
    await database.close();
    const server = await startServer({
      port: Number(process.env.BENCH_PORT ?? 3350), // npm run bench takes 3340 and 3341
      distDir: DIST_DIR,
      databaseUrl: scratch.url,
      env: BENCH_SERVER_ENV,
      nodeArgs: profiling ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [],
    });
    try {
      const cookies = await signInCustomers(server.base, benchCustomerEmails(profiling ? 96 : BENCH_CUSTOMERS));
      const template = await checkoutBody(readCheckoutFields(await warm(server.base, "/products/linden-sofa/order", cookies[0], 1)));
      const place = {
        name: "place order",
        method: "POST" as const,
        path: "/products/linden-sofa/order",
        cookies,
        headers: { "next-action": actionId(DIST_DIR, "lib/orders/actions.ts", "placeOrderAction"), "content-type": template.contentType, origin: server.base, accept: "text/x-component" },
        body: () => withFreshKey(template.body),
        expect: { status: 200, text: PLACED_MARK },
      };
      const insert = { name: "insert one row", method: "POST" as const, path: "/api/bench/insert", expect: { status: 201 } };
      // One unmeasured second of each first: the first round of a fresh server paid for its warm-up (JIT, caches).
      if (!profiling) for (const scenario of [insert, place]) await runLoad(server.base, scenario, connections, 1);
      const ratios: number[] = [];
      for (let round = 1; round <= rounds; round++) {
        // A profile shows placement alone (the sign-ins before it are a few percent of it).
        const base = profiling ? { requestsPerSecond: 1, cpuMsPerRequest: 0 } : await measured(server.base, server.process.pid!, insert, seconds);
        const placed = await measured(server.base, server.process.pid!, place, seconds);
        ratios.push(placed.requestsPerSecond / base.requestsPerSecond);
        console.log(
          `round ${round}: insert ${base.requestsPerSecond} req/s (${base.cpuMsPerRequest.toFixed(2)} ms CPU each), ` +
            `place order ${placed.requestsPerSecond} req/s (${placed.cpuMsPerRequest.toFixed(2)} ms CPU each, p50 ${placed.latencyMs.p50} ms, ${placed.failed} failed): ${ratios.at(-1)!.toFixed(2)}x`,
        );
      }
      ratios.sort((a, b) => a - b);
      console.log(`median place order / insert at c${connections}: ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}x`);
    } finally {
      await server.stop();
    }
    if (profiling) for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) summarizeProfile(path.join(dir, file));
  } finally {
    await scratch.drop();
  }
}

main().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1); });
