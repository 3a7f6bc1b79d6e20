// `npm run bench:orders`: orders placed per second through the real placeOrder service, on PGlite
// (in memory) and on PostgreSQL (a fresh database on the local server), at concurrency 1 and 16, with the
// same run's baseline: a bare single-row insert through Prisma at the same concurrency, alternated with it
// BENCH_ROUNDS times (default 3) and reported as medians.
import { randomUUID } from "node:crypto";
import { evaluate, normalize, type Definition } from "@/lib/configurator";
import { openDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/ops/migrate";
import { pgliteRunner, withPostgresRunner } from "@/lib/db/ops/sql-runner";
import { placeOrder } from "@/lib/orders/place-order";
import { seedDatabase } from "@/prisma/seed-database";
import { createScratchDatabase } from "./lib/scratch-database";
import { plentyOfCapacity } from "./lib/volume";

const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PER_RUN = Number(process.env.BENCH_ORDERS ?? 300);
/** Rounds per cell, each a baseline run then an orders run: the shared machine's load drifts between runs. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function runAt(concurrency: number, total: number, task: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await task();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function bench(label: string, database: Database) {
  const db = database.prisma;
  await seedDatabase(db, { orders: false });
  await plentyOfCapacity(db);
  const customer = await db.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
  const product = await db.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" }, include: { currentVersion: true } });
  const definition = product.currentVersion!.definition as unknown as Definition;
  const normalized = normalize(definition, {});
  if (!normalized.ok) throw new Error("defaults invalid");
  const totalCents = evaluate(definition, normalized.selection).totalCents;
  const address = { name: "Bench", line1: "1 Road", line2: "", city: "Town", postalCode: "12345", country: "DE" };
  const place = async () => {
    const result = await placeOrder(db, {
      customer, slug: "tempo-bicycle", selection: normalized.selection, quantity: 1, idempotencyKey: randomUUID(),
      shippingAddress: address, notes: "", expected: { versionId: product.currentVersion!.id, totalCents },
    });
    if (!result.ok) throw new Error(result.message);
  };
  const insertOne = () => db.auditLog.create({ data: { action: "bench", entityType: "Bench", entityId: randomUUID() } });
  await runAt(4, 40, place); // warm-up
  await runAt(4, 40, insertOne);
  const rows: string[] = [];
  for (const concurrency of [1, 16]) {
    const runs: { orders: number; baseline: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const baseline = await runAt(concurrency, PER_RUN, insertOne);
      const orders = await runAt(concurrency, PER_RUN, place);
      runs.push({ orders, baseline });
    }
    const orders = median(runs.map((r) => r.orders));
    const baseline = median(runs.map((r) => r.baseline));
    const ratio = median(runs.map((r) => r.orders / r.baseline));
    rows.push(`| ${label} | ${concurrency} | ${orders.toFixed(0)} | ${baseline.toFixed(0)} | ${ratio.toFixed(2)} |`);
  }
  return rows;
}

async function main() {
  console.log(`placeOrder vs bare insert, ${PER_RUN} operations per run, median of ${ROUNDS} alternating rounds per cell (ratio: median of the rounds' ratios) (Node ${process.version})\n`);
  console.log("| database | concurrency | orders/s | baseline inserts/s | ratio |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  const embedded = await openDatabase({ kind: "pglite", dataDir: null });
  await applyMigrations(pgliteRunner(embedded.pglite!));
  for (const row of await bench("PGlite (in memory)", embedded)) console.log(row);
  await embedded.close();

  const scratch = await createScratchDatabase(SERVER, "atelier_bench");
  try {
    await withPostgresRunner(scratch.url, applyMigrations);
    const server = await openDatabase({ kind: "postgres", url: scratch.url });
    for (const row of await bench("PostgreSQL 15", server)) console.log(row);
    await server.close();
  } finally {
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
