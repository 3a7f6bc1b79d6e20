import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/ops/prepare";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { seedDatabase } from "@/prisma/seed-database";
import { createScratchDatabase } from "./lib/scratch-database";
import { BENCH_SERVER_ENV, signIn, startServer } from "./lib/server";
import { fillOrders, prepareBenchData } from "./lib/volume";
import fs from "node:fs";

async function main() {
  const scratch = await createScratchDatabase("postgresql://postgres@127.0.0.1:5432/postgres", "atelier_tmp_board");
  await migrateDatabase(resolveDatabaseConfig(scratch.url));
  const database = await openDatabase({ kind: "postgres", url: scratch.url });
  await seedDatabase(database.prisma);
  await prepareBenchData(database.prisma);
  await fillOrders(database.prisma, 10000);
  await database.close();
  fs.writeFileSync("/tmp/board-db-url", scratch.url);
  const server = await startServer({ port: 3490, distDir: process.argv[2] ?? ".next-x", databaseUrl: scratch.url, env: BENCH_SERVER_ENV });
  const staff = await signIn(server.base, "staff@atelier.test", "staff-demo-2026");
  fs.writeFileSync("/tmp/board-cookie", staff);
  console.log("ready", server.base, scratch.url);
  await new Promise(() => undefined);
}
main().catch((e) => { console.error(e); process.exit(1); });
