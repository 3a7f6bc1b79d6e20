import path from "node:path";
import { defineConfig } from "prisma/config";
import { EMBEDDED_PLACEHOLDER_URL, resolveDatabaseConfig } from "./lib/db/config";

// The Prisma CLI (generate, migrate deploy, migrate status) runs on driver adapters only, offline.
// DATABASE_URL decides the target: a PostgreSQL server, or the embedded PGlite directory (default ./data).
const target = resolveDatabaseConfig(process.env.DATABASE_URL);
// The schema's `url = env("DATABASE_URL")` must be a well-formed URL or the CLI tries to download an engine.
if (target.kind === "pglite") process.env.DATABASE_URL = EMBEDDED_PLACEHOLDER_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (target.kind === "postgres") {
      // adapter-pg 7.x reads PostgreSQL's `name` type (OID 19) that the migration engine queries; 6.19 cannot.
      const { PrismaPg } = await import("@prisma/adapter-pg-cli");
      return new PrismaPg({ connectionString: target.url });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Only the commands that read or change the database get the embedded one (and its lock). Anything else
    // (`prisma -v`, which @prisma/client's postinstall runs inside `npm ci`; `generate`; pure schema diffs) gets
    // an in-memory one: opening ./data there would hold its lock and keep the process, and `npm ci`, waiting.
    const needsData = ["migrate", "db"].includes(process.argv[2] ?? "") && !process.argv.includes("diff");
    const { acquireDataDirLock } = await import("./lib/db/ops/lock");
    if (needsData && target.dataDir) acquireDataDirLock(target.dataDir);
    const pglite = needsData && target.dataDir ? new PGlite(target.dataDir) : new PGlite();
    await pglite.waitReady;
    return new PrismaPGlite(pglite);
  },
});
