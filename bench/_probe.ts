import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/prepare";
import { seedDatabase } from "@/prisma/seed-database";
import { prepareBenchData } from "./lib/volume";
import { evaluate, normalize, type Definition } from "@/lib/configurator";
import { placeOrder } from "@/lib/orders/place-order";
import { rateLimitHitSql, RATE_LIMITS } from "@/lib/security/rate-limit";
import { Prisma } from "@/lib/generated/prisma/client";

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probe-"));
  const config = resolveDatabaseConfig(`file:${path.join(dir, "data")}`);
  await migrateDatabase(config);
  const database = await openDatabase(config);
  const db = database.prisma;
  await seedDatabase(db);
  await prepareBenchData(db);
  const pg = database.pglite!;
  const times = new Map<string, number[]>();
  const orig = pg.query.bind(pg);
  (pg as any).query = async (sql: string, params?: unknown[], opts?: unknown) => {
    const t0 = performance.now();
    try { return await orig(sql, params as any, opts as any); } finally {
      const k = sql.replace(/\s+/g, " ").trim().slice(0, 40);
      (times.get(k) ?? times.set(k, []).get(k)!).push(performance.now() - t0);
      if (k.startsWith('SELECT "place_order"(')) (globalThis as any).lastPayload = params![0];
    }
  };
  const product = await db.product.findUniqueOrThrow({ where: { slug: "linden-sofa" }, include: { currentVersion: true } });
  const definition = product.currentVersion!.definition as unknown as Definition;
  const normalized = normalize(definition, {});
  if (!normalized.ok) throw new Error("defaults invalid");
  const totalCents = evaluate(definition, normalized.selection).totalCents;
  const address = { name: "Bench", line1: "1 Road", line2: "", city: "Town", postalCode: "12345", country: "DE" };
  const N = Number(process.argv[2] ?? 400);
  const run = async (label: string, c: number, task: (i: number) => Promise<unknown>) => {
    times.clear();
    let next = 0; const t0 = performance.now(); const cpu0 = process.cpuUsage();
    await Promise.all(Array.from({ length: c }, async () => { while (next < N) { const i = next++; await task(i); } }));
    const ms = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
    console.log(`${label} c${c}: ${(ms / N).toFixed(3)} ms/op wall, ${((cpu.user + cpu.system) / 1000 / N).toFixed(3)} ms CPU/op`);
    for (const [k, v] of times) console.log(`   ${(v.reduce((a, b) => a + b, 0) / N).toFixed(3)} ms/op in ${v.length} x ${k}`);
  };
  const place = (i: number) => {
    const customer = { id: `bench-u${1 + (i % 500)}`, name: "Bench", email: `customer${1 + (i % 500)}@bench.test` };
    return placeOrder(db, { customer, slug: "linden-sofa", selection: normalized.selection, quantity: 1, idempotencyKey: randomUUID(), shippingAddress: address, notes: "", expected: { versionId: product.currentVersion!.id, totalCents } }).then((r) => { if (!r.ok) throw new Error(r.message); });
  };
  const hit = (i: number) => {
    const id = `bench-u${1 + (i % 500)}`;
    const st = Prisma.sql`WITH hit AS (${rateLimitHitSql({ name: "order-user", windowMs: 600000, limit: 1e9 }, id)}) SELECT hit.count, hit.expires_at, u.id, u.email, u.name, u.role::text AS role, u.active FROM hit LEFT JOIN users u ON u.id = ${id}`;
    return pg.query(st.text, st.values);
  };
  const insert = () => pg.query(`INSERT INTO audit_log (id, action, entity_type, entity_id) VALUES ($1, 'bench', 'Bench', $2)`, [randomUUID(), randomUUID()]);
  const insertPrisma = () => db.auditLog.create({ data: { action: "bench.insert", entityType: "Benchmark", entityId: randomUUID() }, select: { id: true } });
  await run("warm place", 4, place);
  const payload = JSON.parse((globalThis as any).lastPayload);
  fs.writeFileSync("/tmp/prof/payload.json", JSON.stringify(payload, null, 1));
  console.log("payload bytes", (globalThis as any).lastPayload.length, "snapshot", JSON.stringify(payload.order.snapshot).length, "email", JSON.stringify(payload.emails).length);
  console.log((await pg.query(`SELECT indexrelname FROM pg_stat_user_indexes WHERE relname IN ('orders','order_options','order_events','email_outbox','capacity_weeks','capacity_bookings','rate_limits')`)).rows.map((r: any) => r.indexrelname).join(" "));
  console.log((await pg.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync','synchronous_commit','wal_level','full_page_writes','default_toast_compression','wal_sync_method','shared_buffers')`)).rows);
  const variant = (mut: (p: any) => void) => (i: number) => { const p = JSON.parse(JSON.stringify(payload)); p.order.id = randomUUID(); p.order.idempotencyKey = randomUUID(); p.optionIds = p.optionIds.map(() => randomUUID()); p.event.id = randomUUID(); p.emails = p.emails.map((e: any) => ({ ...e, id: randomUUID() })); p.bookings = p.bookings.map((b: any) => ({ ...b, id: randomUUID() })); delete p.expect; p.fullWeeks = []; mut(p); return pg.query(`SELECT "place_order"($1::jsonb) AS "result"`, [JSON.stringify(p)]); };
  const variants: [string, (p: any) => void][] = [
    ["full", () => {}],
    ["no email", (p) => { p.emails = []; }],
    ["no options", (p) => { p.optionIds = []; p.order.snapshot.choices = []; }],
    ["no bookings", (p) => { p.bookings = []; }],
    ["tiny snapshot", (p) => { p.order.snapshot = { selection: p.order.snapshot.selection, choices: p.order.snapshot.choices }; }],
    ["minimal", (p) => { p.emails = []; p.optionIds = []; p.bookings = []; p.order.snapshot = { selection: {}, choices: [] }; }],
  ];
  const acc = new Map<string, number[]>();
  for (let r = 0; r < 5; r++) {
    for (const [name, mut] of variants) {
      const f = variant(mut); const t0 = performance.now();
      for (let i = 0; i < 300; i++) await f(i);
      (acc.get(name) ?? acc.set(name, []).get(name)!).push((performance.now() - t0) / 300);
    }
    const t0 = performance.now(); for (let i = 0; i < 300; i++) await hit(i); (acc.get("hit") ?? acc.set("hit", []).get("hit")!).push((performance.now() - t0) / 300);
    const t1 = performance.now(); for (let i = 0; i < 300; i++) await pg.query(`SELECT id, email, name, role::text AS role, active FROM users WHERE id = $1`, [`bench-u${1 + (i % 500)}`]); (acc.get("user read") ?? acc.set("user read", []).get("user read")!).push((performance.now() - t1) / 300);
    const t2 = performance.now(); for (let i = 0; i < 300; i++) await insert(); (acc.get("insert") ?? acc.set("insert", []).get("insert")!).push((performance.now() - t2) / 300);
    const t3 = performance.now(); for (let i = 0; i < 300; i++) await pg.query("SELECT 1"); (acc.get("select 1") ?? acc.set("select 1", []).get("select 1")!).push((performance.now() - t3) / 300);
  }
  for (const [k, v] of acc) { v.sort((a, b) => a - b); console.log(k.padEnd(14), "median", v[2]!.toFixed(3), "ms  all", v.map((x) => x.toFixed(3)).join(" ")); }
  for (let r = 0; r < 0; r++) {
    await run("select1", 1, () => pg.query("SELECT 1"));
    await run("insert direct", 1, insert);
    await run("insert prisma", 16, insertPrisma);
    await run("hit direct", 1, hit);
    await run("placeOrder", 1, place);
    await run("placeOrder", 16, place);
  }
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
