// `npm run db:migrate`: applies the committed migrations offline to the embedded PGlite (default ./data)
// or to the PostgreSQL server in DATABASE_URL. Same bookkeeping as Prisma: `npm run db:status` agrees.
import { PGlite } from "@electric-sql/pglite";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { acquireDataDirLock } from "@/lib/db/lock";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteRunner, withPostgresRunner } from "@/lib/db/sql-runner";

async function main() {
  const config = resolveDatabaseConfig();
  let applied: string[];
  if (config.kind === "postgres") {
    applied = await withPostgresRunner(config.url, applyMigrations);
    console.log(`PostgreSQL ${new URL(config.url).pathname.slice(1)}:`);
  } else {
    if (!config.dataDir) throw new Error("An in-memory database has nothing to migrate.");
    const release = acquireDataDirLock(config.dataDir);
    const pglite = new PGlite(config.dataDir);
    try {
      applied = await applyMigrations(pgliteRunner(pglite));
    } finally {
      await pglite.close();
      release();
    }
    console.log(`Embedded database ${config.dataDir}:`);
  }
  console.log(applied.length ? `  applied ${applied.join(", ")}` : "  already up to date");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
