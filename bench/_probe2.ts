import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/prepare";
import { seedDatabase } from "@/prisma/seed-database";
import { actionId, checkoutBody, readCheckoutFields, withFreshKey } from "./lib/checkout";
import { signIn, startServer, warm } from "./lib/server";
import { BENCH_PASSWORD, benchCustomerEmails, prepareBenchData } from "./lib/volume";
const DIST_DIR = ".next-bench";
async function main() {
  const dir = fs.mkdtempSync("/tmp/atelier-probe-");
  const url = `file:${path.join(dir, "data")}`;
  const config = resolveDatabaseConfig(url);
  await migrateDatabase(config);
  const database = await openDatabase(config);
  await seedDatabase(database.prisma);
  await prepareBenchData(database.prisma);
  await database.close();
  const server = await startServer({ port: 3342, distDir: DIST_DIR, databaseUrl: url, env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.from("atelier-benchmark-action-key-32b").toString("base64"), ATELIER_BENCH_ROUTES: "1" } });
  try {
    const cookie = await signIn(server.base, benchCustomerEmails(1)[0]!, BENCH_PASSWORD);
    const template = await checkoutBody(readCheckoutFields(await warm(server.base, "/products/linden-sofa/order", cookie, 1)));
    console.log("request body bytes", template.body.length);
    for (const [label, init] of [
      ["order", { method: "POST", headers: { cookie, "next-action": actionId(DIST_DIR, "lib/orders/actions.ts", "placeOrderAction"), "content-type": template.contentType, origin: server.base, accept: "text/x-component" }, body: withFreshKey(template.body) }],
      ["insert", { method: "POST" }],
    ] as const) {
      const res = await fetch(server.base + (label === "order" ? "/products/linden-sofa/order" : "/api/bench/insert"), init as RequestInit);
      const text = await res.text();
      console.log(label, res.status, [...res.headers].map(([k, v]) => `${k}: ${v.slice(0, 80)}`).join("\n  "), "\nbody", text.length, text.slice(0, 600));
    }
  } finally { await server.stop(); fs.rmSync(dir, { recursive: true, force: true }); }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
