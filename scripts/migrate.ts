// `npm run db:migrate`: applies the committed migrations offline to the embedded PGlite (default ./data)
// or to the PostgreSQL server in DATABASE_URL. Same bookkeeping as Prisma: `prisma migrate status` agrees.
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/ops/prepare";

async function main() {
  const config = resolveDatabaseConfig();
  const applied = await migrateDatabase(config);
  const where = config.kind === "postgres" ? `PostgreSQL ${new URL(config.url).pathname.slice(1)}` : `embedded database ${config.dataDir}`;
  console.log(applied.length ? `Migrated ${where}: applied ${applied.join(", ")}` : `Migrated ${where}: already up to date`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
