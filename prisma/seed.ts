// `npm run db:seed`: demo data for an empty database (idempotent). Takes the embedded database's lock.
import { resolveDatabaseConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/client";
import { demoUsers, seedDatabase } from "./seed-database";

async function main() {
  const database = await openDatabase(resolveDatabaseConfig());
  try {
    const report = await seedDatabase(database.prisma);
    console.log(`Seeded: ${report.users} users, ${report.products} products, ${report.orders} orders created.`);
    console.log("Demo accounts (for the demo only):");
    for (const user of demoUsers()) console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(22)} ${user.password}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
