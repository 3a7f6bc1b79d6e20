// `npm start`: migrate, seed if empty, build when the sources changed, then serve (next start).
// Flags: --port N (default $PORT or 3000), --fresh (start from an empty local database; tests use it).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase, resetDatabase } from "@/lib/db/ops/prepare";
import { demoUsers, seedDatabase } from "@/prisma/seed-database";
import { buildIfNeeded } from "./build";

const root = process.cwd();
const args = process.argv.slice(2);
const port = Number(args[args.indexOf("--port") + 1] && args.includes("--port") ? args[args.indexOf("--port") + 1] : process.env.PORT ?? 3000);
const fresh = args.includes("--fresh");

/** A NEXTAUTH_SECRET kept across restarts, unless one is given. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".next-auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const started = Date.now();
  const config = resolveDatabaseConfig();
  const where = config.kind === "postgres" ? `PostgreSQL (${new URL(config.url).host}${new URL(config.url).pathname})` : `embedded PGlite in ${config.dataDir}`;
  console.log(`Atelier: using ${where}`);
  if (fresh) await resetDatabase(config);
  const applied = await migrateDatabase(config);
  console.log(applied.length ? `  migrations applied: ${applied.join(", ")}` : "  migrations: up to date");

  const database = await openDatabase(config);
  try {
    const empty = (await database.prisma.user.count()) === 0;
    if (empty) {
      const report = await seedDatabase(database.prisma);
      console.log(`  seeded demo data: ${report.users} users, ${report.products} products, ${report.orders} orders`);
    }
  } finally {
    await database.close(); // hand the embedded database over to the server process
  }

  if (!buildIfNeeded()) process.exit(1);

  const url = `http://localhost:${port}`;
  // Run Next's own binary (not through npx) so signals reach the server that holds the database.
  // The preload holds the requests that arrive before the edge guard is installed (lib/security/edge-guard.ts).
  const hold = path.join(root, "scripts", "hold-requests.cjs");
  const server = spawn(process.execPath, ["--require", hold, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: authSecret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`\nAtelier is starting at ${url} (ready in ${Math.round((Date.now() - started) / 1000)} s so far)`);
  console.log("Demo accounts (for the demo only):");
  for (const user of demoUsers()) console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(22)} ${user.password}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
  void warmUp(url);
}

/** Renders the cached pages once as soon as the server answers, so the first visitor gets them ready. */
async function warmUp(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const health = await fetch(`${url}/api/health`);
      if (health.ok) {
        await fetch(`${url}/`);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await fetch(`${url}/`); // the background regeneration has finished by now
        console.log(`Atelier is ready at ${url}`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
