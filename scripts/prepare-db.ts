// `npm run dev` runs this first: migrate, and seed when the database is empty.
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/ops/prepare";
import { seedDatabase } from "@/prisma/seed-database";

async function main() {
  const config = resolveDatabaseConfig();
  await migrateDatabase(config);
  const database = await openDatabase(config);
  try {
    if ((await database.prisma.user.count()) === 0) await seedDatabase(database.prisma);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
