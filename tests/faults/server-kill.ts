// Fault drill (a CI step: `npx tsx tests/faults/server-kill.ts`): the real app server (`next start` on the
// production build in .next) is killed with SIGKILL in the middle of a load of orders placed through the
// checkout's server action over HTTP, then started again on the same database. Every acknowledged order
// must be in the database, complete; no order may be half-written; the consistency check must find nothing
// broken, before and after the restart; the restarted server must take orders again.
//
// FAULT_POSTGRES_URL: the PostgreSQL server to create the drill's database on (default: the local one).
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: the key the build was made with (default: the e2e tests' key).
// Exits non-zero when any check fails; the database and the server processes are removed in every case.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { actionId, checkoutBody, KEY_PLACEHOLDER, placedOrderNumber, readCheckoutFields, withFreshKey } from "@/bench/lib/checkout";
import { benchAddress, signIn, startServer, type BenchServer } from "@/bench/lib/server";
import { benchCustomerEmails, BENCH_CUSTOMERS, BENCH_PASSWORD, prepareBenchData } from "@/bench/lib/volume";
import { checkConsistency } from "@/lib/db/ops/check";
import { openDatabase, type Database } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/ops/prepare";
import { seedDatabase } from "@/prisma/seed-database";

const SERVER_URL = process.env.FAULT_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ACTION_KEY = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || "bXVsdGktaW5zdGFuY2UtdGVzdC1rZXktMzItYnl0ZXM=";
const DIST_DIR = ".next";
const WORKERS = Number(process.env.FAULT_WORKERS ?? 8);
const LOAD_MS = Number(process.env.FAULT_LOAD_MS ?? 3000);
const AFTER_RESTART_ORDERS = 24;
/** Orders per customer before moving to the next one: the limit is 20 attempts per 10 minutes. */
const PER_CUSTOMER = 15;
const PRODUCT_PATH = "/products/linden-sofa/order";
/** The whole drill must end well within CI's patience; past this it fails (and cleans up). */
const DEADLINE_MS = 150_000;

const root = process.cwd();
const distPath = path.join(root, DIST_DIR);
const dbName = `atelier_fault_kill_${process.pid}_${Date.now()}`;
const dbUrl = (() => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const step = (message: string) => console.log(`[${elapsed().padStart(7)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---- everything that must be undone, whatever happens ----------------------------------------------
const servers: BenchServer[] = [];
let database: Database | null = null;
let monitor: pg.Client | null = null;
let dbCreated = false;
let cleaning: Promise<void> | null = null;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const server of servers) {
      if (server.process.exitCode === null && server.process.signalCode === null) {
        await Promise.race([server.stop(), sleep(12_000)]);
        if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill("SIGKILL");
      }
    }
    if (database) await Promise.race([database.close().catch(() => {}), sleep(5000)]);
    if (monitor) await Promise.race([monitor.end().catch(() => {}), sleep(5000)]);
    if (dbCreated) {
      try {
        await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      } catch (error) {
        console.error(`could not drop the drill's database ${dbName}:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---- placing orders over HTTP, exactly as the checkout page does -------------------------------------
type Session = { email: string; cookie: string; used: number };
type Template = { body: string; contentType: string };
type Outcome =
  | { kind: "acknowledged"; number: string; key: string; at: number }
  | { kind: "refused"; key: string; at: number; status: number; detail: string }
  | { kind: "failed"; key: string; at: number; detail: string };

const keyAt = (() => {
  let at = -1;
  return (template: Template) => (at >= 0 ? at : (at = template.body.indexOf(KEY_PLACEHOLDER)));
})();

async function placeOrder(base: string, action: string, template: Template, cookie: string): Promise<Outcome> {
  const body = withFreshKey(template.body);
  const key = body.slice(keyAt(template), keyAt(template) + KEY_PLACEHOLDER.length);
  try {
    const res = await fetch(`${base}${PRODUCT_PATH}`, {
      method: "POST",
      redirect: "manual",
      headers: { "next-action": action, "content-type": template.contentType, origin: base, accept: "text/x-component", cookie },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const number = placedOrderNumber(text);
    if (res.status === 200 && number) return { kind: "acknowledged", number, key, at: performance.now() };
    const message = /"message":"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 120);
    return { kind: "refused", key, at: performance.now(), status: res.status, detail: message };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "failed", key, at: performance.now(), detail: cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * The bench customers, handed out in turn so that no one reaches the order rate limit, each signing in from its own
 * address (the server trusts one proxy hop): 33 simultaneous sign-ins from one address reach that address's sign-in
 * throttle (30 in flight at once, then a growing wait), and depending on timing the last ones were refused with a 401.
 */
function customerPool(base: string) {
  const emails = benchCustomerEmails(BENCH_CUSTOMERS);
  let next = 0;
  return async (): Promise<Session> => {
    const email = emails[next++];
    if (!email) throw new Error("ran out of bench customers");
    return { email, cookie: await signIn(base, email, BENCH_PASSWORD, benchAddress(email)), used: 0 };
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function ensureBuild() {
  if (fs.existsSync(path.join(distPath, "BUILD_ID"))) return;
  step(`no production build in ${DIST_DIR}: building it (next build)`);
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTION_KEY, NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 900_000,
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
}

/** Waits until no session of the killed server is left on the database (a statement it started may still commit). */
async function waitForOrphanedBackends(): Promise<{ ms: number; left: number }> {
  const started = performance.now();
  let left = 0;
  for (;;) {
    const result = await adminQuery(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${dbName}'`);
    left = (result.rows[0] as { n: number }).n;
    if (left === 0 || performance.now() - started > 15_000) return { ms: performance.now() - started, left };
    await sleep(100);
  }
}

type OrderRow = { number: string; key: string; status: string; hours: number; options: number; placed: number; first: number; events: number; bookings: number; emails: number };

async function readOrders(db: Database["prisma"]): Promise<OrderRow[]> {
  return db.$queryRawUnsafe<OrderRow[]>(
    `SELECT o.number, o.idempotency_key AS key, o.status::text AS status, o.production_hours AS hours,
       (SELECT count(*) FROM order_options x WHERE x.order_id = o.id)::int AS options,
       (SELECT count(*) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'PLACED' AND e.from_status IS NULL)::int AS placed,
       (SELECT count(*) FROM order_events e WHERE e.order_id = o.id AND e.from_status IS NULL)::int AS first,
       (SELECT count(*) FROM order_events e WHERE e.order_id = o.id)::int AS events,
       (SELECT count(*) FROM capacity_bookings b WHERE b.order_id = o.id)::int AS bookings,
       (SELECT count(*) FROM email_outbox m WHERE m.order_id = o.id)::int AS emails
     FROM orders o`,
  );
}

// ---- the drill -------------------------------------------------------------------------------------
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"}  ${what}`);
  if (!ok) failures.push(what);
};

/**
 * The database checks: the consistency check, every acknowledged order present and complete with the number
 * it was acknowledged with, every order complete, every order the load wrote traceable to one of its requests.
 */
async function verify(label: string, db: Database["prisma"], sent: Outcome[], seeded: Set<string>) {
  const findings = await checkConsistency(db);
  check(findings.length === 0, `${label}: consistency check finds nothing broken${findings.length ? ` (${findings.slice(0, 5).map((f) => f.detail).join("; ")})` : ""}`);
  const orders = await readOrders(db);
  const byKey = new Map(orders.map((o) => [o.key, o]));
  const sentKeys = new Set(sent.map((o) => o.key));
  const acknowledged = sent.filter((o): o is Extract<Outcome, { kind: "acknowledged" }> => o.kind === "acknowledged");
  const lost = acknowledged.filter((o) => byKey.get(o.key)?.number !== o.number);
  check(lost.length === 0, `${label}: all ${acknowledged.length} acknowledged orders are in the database under their number${lost.length ? ` (missing: ${lost.slice(0, 5).map((o) => o.number).join(", ")})` : ""}`);
  // Orders hold their bookings from placement until production finishes (then the later days are given back);
  // a large order waiting for approval starts with an AWAITING_APPROVAL event and books nothing until approved.
  const holdsHours = (o: OrderRow) => ["PLACED", "CONFIRMED", "IN_PRODUCTION"].includes(o.status);
  const incomplete = orders.filter((o) => o.options === 0 || o.first !== 1 || (holdsHours(o) && o.hours > 0 && o.bookings === 0));
  check(incomplete.length === 0, `${label}: all ${orders.length} orders have option rows, one first event and (from placement until production finishes) a capacity booking${incomplete.length ? ` (${incomplete.slice(0, 5).map((o) => `${o.number} ${o.status}: ${o.options} options, ${o.first} first events, ${o.bookings} bookings`).join("; ")})` : ""}`);
  const ours = orders.filter((o) => sentKeys.has(o.key));
  const noEmail = ours.filter((o) => o.emails !== 1 || o.events !== 1 || o.placed !== 1);
  check(noEmail.length === 0, `${label}: all ${ours.length} orders placed by the load have exactly one PLACED event and one outbox email${noEmail.length ? ` (${noEmail.slice(0, 5).map((o) => `${o.number}: ${o.emails} emails`).join("; ")})` : ""}`);
  const stray = orders.filter((o) => !sentKeys.has(o.key) && !seeded.has(o.key));
  check(stray.length === 0, `${label}: every order in the database is a seeded one or answers a request of the load${stray.length ? ` (${stray.length} others)` : ""}`);
  return { orders, byKey, acknowledged, halfWritten: new Set([...incomplete, ...noEmail].map((o) => o.key)).size };
}

async function main() {
  const deadline = setTimeout(() => {
    console.error(`SERVER-KILL DRILL FAILED: still running after ${DEADLINE_MS / 1000} s`);
    void cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  deadline.unref();

  ensureBuild();
  const action = actionId(distPath, "lib/orders/actions.ts", "placeOrderAction");

  step(`creating database ${dbName} on ${new URL(SERVER_URL).host}`);
  await adminQuery(`CREATE DATABASE ${dbName}`);
  dbCreated = true;
  const config = resolveDatabaseConfig(dbUrl);
  await migrateDatabase(config);
  database = await openDatabase(config);
  const db = database.prisma;
  await seedDatabase(db);
  await prepareBenchData(db);
  const seeded = new Set((await readOrders(db)).map((o) => o.key));
  await database.close();
  database = null;
  step(`migrated and seeded (${seeded.size} demo orders, ${BENCH_CUSTOMERS} bench customers)`);

  const port = await freePort();
  const serverOptions = { port, distDir: DIST_DIR, databaseUrl: dbUrl, env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTION_KEY, TRUSTED_PROXY_HOPS: "1" } };
  const first = await startServer(serverOptions);
  servers.push(first);
  const { base } = first;
  step(`next start (pid ${first.process.pid}) answers on ${base}`);

  monitor = new pg.Client({ connectionString: SERVER_URL });
  await monitor.connect();
  const watched = monitor;
  /** What the server's database sessions are doing: statements writing an order, statements running, open transactions. */
  const sampleSessions = async () => {
    const { rows } = await watched.query<{ writing: number; active: number; in_tx: number }>(
      `SELECT count(*) FILTER (WHERE state = 'active' AND query ILIKE '%insert into "orders"%')::int AS writing,
              count(*) FILTER (WHERE state = 'active')::int AS active,
              count(*) FILTER (WHERE state LIKE 'idle in transaction%' OR (state = 'active' AND xact_start < query_start))::int AS in_tx
       FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [dbName],
    );
    return rows[0]!;
  };

  const nextCustomer = customerPool(base);
  const sessions = await Promise.all(Array.from({ length: WORKERS * 4 }, () => nextCustomer()));
  const restartSession = await nextCustomer(); // for the first order after the restart (its JWT cookie outlives the server)
  const template = await checkoutBody(readCheckoutFields(await (await fetch(`${base}${PRODUCT_PATH}`, { headers: { cookie: sessions[0]!.cookie } })).text()));
  // One order first: the action answers as expected before the load starts.
  const probe = await placeOrder(base, action, template, sessions[0]!.cookie);
  sessions[0]!.used++;
  if (probe.kind !== "acknowledged") throw new Error(`a single order before the load was not acknowledged: ${JSON.stringify(probe)}`);
  step(`${sessions.length + 1} customers signed in; a first order (${probe.number}) acknowledged`);

  // ---- load, then SIGKILL in the middle of it
  const sent: Outcome[] = [probe];
  let spare = WORKERS; // sessions[WORKERS...] are handed out when a worker's customer has placed PER_CUSTOMER orders
  const takeSession = async () => sessions[spare++] ?? nextCustomer();
  let inFlight = 0;
  let running = true;
  const worker = async (w: number) => {
    let session = sessions[w]!;
    while (running) {
      if (session.used >= PER_CUSTOMER) {
        try {
          session = await takeSession();
        } catch (error) {
          if (!running) return; // signing in a further customer as the server was killed
          throw error;
        }
      }
      session.used++;
      inFlight++;
      const outcome = await placeOrder(base, action, template, session.cookie);
      inFlight--;
      sent.push(outcome);
    }
  };
  const loadStarted = performance.now();
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
  await sleep(LOAD_MS);
  // Aim: kill while the server has an order statement running, if one shows up within a second.
  let busy = await sampleSessions();
  for (const until = performance.now() + 1000; busy.writing === 0 && performance.now() < until; ) busy = await sampleSessions();
  const inFlightAtKill = inFlight;
  const killedAt = performance.now();
  first.process.kill("SIGKILL");
  running = false;
  await new Promise<void>((resolve) => (first.process.exitCode !== null || first.process.signalCode !== null ? resolve() : first.process.once("exit", () => resolve())));
  await Promise.all(workers);
  const loadSent = [...sent];
  const ackBefore = loadSent.filter((o) => o.kind === "acknowledged").length;
  const badBefore = loadSent.filter((o) => o.kind !== "acknowledged" && o.at < killedAt);
  const lostAnswers = loadSent.filter((o) => o.kind !== "acknowledged" && o.at >= killedAt);
  const lostDetails = [...new Set(lostAnswers.map((o) => (o.kind === "acknowledged" ? "" : o.detail)))].join(", ");
  step(
    `killed the server (SIGKILL) after ${secs(killedAt - loadStarted)} of load: ${ackBefore} orders acknowledged, ` +
      `${inFlightAtKill} requests in flight; ${lostAnswers.length} requests lost their answer (${lostDetails || "-"}); ` +
      `the server's database sessions just before the kill: ${busy.writing} writing an order, ${busy.active} running a statement, ${busy.in_tx} inside a transaction`,
  );

  // ---- checks on the database the killed server left behind
  const orphans = await waitForOrphanedBackends();
  step(`the killed server's database sessions were gone ${secs(orphans.ms)} after the kill${orphans.left ? ` (${orphans.left} still there)` : ""}`);
  database = await openDatabase(config);
  const afterKillCheck = await verify("after the kill", database.prisma, sent, seeded);
  const unacknowledged = loadSent.filter((o) => o.kind !== "acknowledged");
  const committedUnacknowledged = unacknowledged.filter((o) => afterKillCheck.byKey.has(o.key));
  const lostAcknowledged = afterKillCheck.acknowledged.filter((o) => afterKillCheck.byKey.get(o.key)?.number !== o.number).length;
  check(inFlightAtKill > 0 && lostAnswers.length > 0, "the kill hit requests in flight");
  check(ackBefore > 1, "orders were acknowledged during the load");
  check(badBefore.length === 0, `no order was refused or failed before the kill${badBefore.length ? ` (${badBefore.slice(0, 3).map((o) => (o.kind === "acknowledged" ? "" : o.detail)).join(" | ")})` : ""}`);
  check(committedUnacknowledged.every((o) => o.kind === "failed"), "only requests whose answer was lost may have committed without an acknowledgement");
  await database.close();
  database = null;

  // ---- restart on the same database; time to /api/health and to the first new order
  const restartAt = performance.now();
  const healthPoll = (async () => {
    while (performance.now() - restartAt < 60_000) {
      try {
        if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return performance.now();
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    return NaN;
  })();
  const firstOrderLoop = (async () => {
    const attempts: Outcome[] = [];
    while (performance.now() - restartAt < 60_000) {
      const outcome = await placeOrder(base, action, template, restartSession.cookie);
      if (outcome.kind === "failed" && ["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET"].includes(outcome.detail)) {
        await sleep(50); // not listening yet: nothing reached the server
        continue;
      }
      attempts.push(outcome);
      restartSession.used++;
      if (outcome.kind === "acknowledged") return { attempts, first: outcome };
      await sleep(200);
    }
    return { attempts, first: null };
  })();
  const second = await startServer(serverOptions);
  servers.push(second);
  const startedAt = performance.now();
  const healthAt = await healthPoll;
  const { attempts: firstAttempts, first: firstOrder } = await firstOrderLoop;
  sent.push(...firstAttempts);
  const firstOrderMs = firstOrder ? firstOrder.at - restartAt : NaN;
  step(
    `restarted (pid ${second.process.pid}): /api/health answered ${secs(healthAt - restartAt)} after the spawn ` +
      `(startServer returned after ${secs(startedAt - restartAt)}); first new order ${firstOrder ? `${firstOrder.number} ${secs(firstOrderMs)} after the spawn` : "never"}`,
  );
  check(Number.isFinite(healthAt), "the restarted server answers /api/health");
  check(firstOrder !== null, "the restarted server takes a new order");
  check(firstAttempts.every((o) => o.kind === "acknowledged"), `every order that reached the restarted server was acknowledged (${firstAttempts.length} attempt(s))`);

  // ---- a few more orders on the restarted server
  const more: Outcome[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      const session = await nextCustomer();
      while (session.used < AFTER_RESTART_ORDERS / 4) {
        session.used++;
        more.push(await placeOrder(base, action, template, session.cookie));
      }
    }),
  );
  sent.push(...more);
  const moreAcked = more.filter((o) => o.kind === "acknowledged").length;
  check(moreAcked === more.length, `${moreAcked} of ${more.length} further orders acknowledged after the restart`);
  database = await openDatabase(config);
  const finalCheck = await verify("after the restart", database.prisma, sent, seeded);
  await database.close();
  database = null;

  // ---- summary
  const drillOrders = finalCheck.orders.filter((o) => !seeded.has(o.key)).length;
  console.log("\nSummary");
  console.log(`  load: ${WORKERS} concurrent customers placing orders through placeOrderAction over HTTP; SIGKILL after ${secs(killedAt - loadStarted)}`);
  console.log(`  acknowledged before the kill: ${ackBefore}, the single order before the load included (${badBefore.length} refused or failed before the kill)`);
  console.log(`  at the kill: ${inFlightAtKill} requests in flight, ${lostAnswers.length} lost their answer (${lostDetails || "-"})`);
  console.log(`  of the unanswered: committed but not acknowledged ${committedUnacknowledged.length}, not committed ${unacknowledged.length - committedUnacknowledged.length}`);
  console.log(`  the server's database sessions just before the kill: ${busy.writing} writing an order, ${busy.active} running a statement, ${busy.in_tx} inside a transaction`);
  console.log(`  acknowledged orders lost: ${lostAcknowledged}; half-written orders: ${afterKillCheck.halfWritten} after the kill, ${finalCheck.halfWritten} after the restart`);
  console.log(`  killed server's database sessions gone ${secs(orphans.ms)} after the kill`);
  console.log(`  restart: /api/health answered after ${secs(healthAt - restartAt)}, first new order after ${secs(firstOrderMs)}; then ${moreAcked}/${more.length} more orders acknowledged`);
  console.log(`  database at the end: ${drillOrders} orders from the drill (${finalCheck.acknowledged.length} acknowledged), ${seeded.size} seeded`);
  console.log(`  consistency check after the kill and after the restart: ${failures.some((f) => f.includes("consistency")) ? "BROKEN" : "nothing broken"}`);
  console.log(`  drill time: ${elapsed()}`);
  if (failures.length) {
    console.error(`\nSERVER-KILL DRILL FAILED: ${failures.length} check(s) failed`);
    process.exitCode = 1;
  } else {
    console.log("\nserver-kill drill passed");
  }
}

main()
  .catch((error: unknown) => {
    console.error("SERVER-KILL DRILL FAILED:", error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit(process.exitCode ?? 0);
  });
