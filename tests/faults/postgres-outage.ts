// Fault drill (a CI step: `npx tsx tests/faults/postgres-outage.ts`): a private PostgreSQL server is
// stopped in the middle of a stream of orders and started again. Orders must fail cleanly while it is
// down, nothing may be half-written, and the same app process must serve again within seconds.
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { evaluate, normalize, type Definition } from "@/lib/configurator";
import { checkConsistency } from "@/lib/db/ops/check";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/ops/migrate";
import { withPostgresRunner } from "@/lib/db/ops/sql-runner";
import { placeOrder } from "@/lib/orders/place-order";
import { seedDatabase } from "@/prisma/seed-database";

const PORT = Number(process.env.FAULT_PG_PORT ?? 5499);
const binDir = fs.readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => fs.existsSync(`${d}/pg_ctl`));
if (!binDir) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-fault-"));
const dataDir = path.join(root, "data");
const asRoot = os.userInfo().uid === 0;

function pg(command: string) {
  const line = `${binDir}/${command}`;
  const options = { stdio: "pipe" as const, timeout: 60_000 };
  if (asRoot) execFileSync("su", ["postgres", "-s", "/bin/bash", "-c", line], options);
  else execFileSync("/bin/bash", ["-c", line], options);
}
const start = () => pg(`pg_ctl -D ${dataDir} -o "-p ${PORT} -k /tmp" -l ${root}/log -w start`);
const stop = () => pg(`pg_ctl -D ${dataDir} -m immediate -w stop`);

async function main() {
  if (asRoot) execFileSync("chown", ["postgres", root]);
  pg(`initdb -D ${dataDir} -A trust -U postgres`);
  start();
  const url = `postgresql://postgres@127.0.0.1:${PORT}/postgres`;
  await withPostgresRunner(url, applyMigrations);
  const database = await openDatabase({ kind: "postgres", url });
  const db = database.prisma;
  try {
    await seedDatabase(db, { orders: false });
    // Every centre works 1,000 hours a day, every day: placing orders for minutes never runs out.
    await db.$executeRawUnsafe(`UPDATE work_centres SET weekday_hours = array_fill(1000::float8, ARRAY[7])`);
    await db.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
    const customer = await db.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
    const product = await db.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" }, include: { currentVersion: true } });
    const definition = product.currentVersion!.definition as unknown as Definition;
    const n = normalize(definition, {});
    if (!n.ok) throw new Error("defaults invalid");
    const expected = { versionId: product.currentVersion!.id, totalCents: evaluate(definition, n.selection).totalCents };

    const log: { at: number; ok: boolean; message?: string }[] = [];
    const t0 = Date.now();
    let running = true;
    const worker = async () => {
      while (running) {
        try {
          const r = await placeOrder(db, {
            customer, slug: "tempo-bicycle", selection: n.selection, quantity: 1, idempotencyKey: randomUUID(),
            shippingAddress: { name: "F", line1: "1 Road", line2: "", city: "Town", postalCode: "1000", country: "DE" }, notes: "", expected,
          });
          log.push({ at: Date.now() - t0, ok: r.ok, message: r.ok ? undefined : r.message });
        } catch (error) {
          log.push({ at: Date.now() - t0, ok: false, message: error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error) });
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await new Promise((r) => setTimeout(r, 3000));
    const stoppedAt = Date.now() - t0;
    stop();
    await new Promise((r) => setTimeout(r, 3000));
    const restartedAt = Date.now() - t0;
    start();
    await new Promise((r) => setTimeout(r, 6000));
    running = false;
    await Promise.all(workers);

    const before = log.filter((e) => e.at < stoppedAt && e.ok).length;
    const down = log.filter((e) => e.at >= stoppedAt && e.at < restartedAt);
    const firstOkAfter = log.find((e) => e.at >= restartedAt && e.ok);
    const after = log.filter((e) => e.at >= restartedAt && e.ok).length;
    const messages = [...new Set(down.filter((e) => !e.ok).map((e) => e.message))].slice(0, 3);
    const findings = await checkConsistency(db);
    const orders = await db.order.count();
    const succeeded = log.filter((e) => e.ok).length;
    console.log(`orders placed before the outage: ${before}`);
    console.log(`requests while PostgreSQL was down: ${down.length}, failed: ${down.filter((e) => !e.ok).length}`);
    console.log(`errors seen while down: ${messages.join(" | ") || "none"}`);
    console.log(`first order after restart: ${firstOkAfter ? `${((firstOkAfter.at - restartedAt) / 1000).toFixed(1)} s after the server came back` : "none"}`);
    console.log(`orders placed after the restart: ${after}`);
    console.log(`orders in the database: ${orders}; reported as placed: ${succeeded}`);
    console.log(`consistency check: ${findings.length ? findings.map((f) => f.detail).join("; ") : "nothing broken"}`);
    // Second drill: a process placing orders is killed (SIGKILL) in the middle of its transactions.
    // Node itself with tsx's loader (not the tsx wrapper), so SIGKILL reaches the process holding the transactions.
    const loader = spawn(process.execPath, ["--import", "tsx", "tests/faults/order-load.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => loader.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("loaded") && resolve()));
    await new Promise((r) => setTimeout(r, 1500));
    const beforeKill = await db.order.count();
    loader.kill("SIGKILL");
    await new Promise((r) => loader.on("exit", r));
    await new Promise((r) => setTimeout(r, 1000)); // let the server notice the dead connections
    const afterKill = await db.order.count();
    const killFindings = await checkConsistency(db);
    console.log(`killed an order-placing process mid-load: ${afterKill - orders} orders were committed by it; consistency check: ${killFindings.length ? killFindings.map((f) => f.detail).join("; ") : "nothing broken"}`);
    const ok = killFindings.length === 0 && afterKill >= beforeKill && before > 0 && down.some((e) => !e.ok) && !!firstOkAfter && firstOkAfter.at - restartedAt < 10_000 && findings.length === 0 && orders >= succeeded;
    if (!ok) {
      console.error("FAULT DRILL FAILED");
      process.exitCode = 1;
    } else {
      console.log("fault drill passed");
    }
  } finally {
    await Promise.race([database.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    try {
      stop();
    } catch (error) {
      console.error("could not stop the drill's PostgreSQL:", (error as { stderr?: Buffer }).stderr?.toString() ?? error);
    }
    // Make sure no server of this drill outlives it, whatever pg_ctl reported.
    try {
      execFileSync("pkill", ["-f", "--", dataDir]);
    } catch {
      // none left
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
