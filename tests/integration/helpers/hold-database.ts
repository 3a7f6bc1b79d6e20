// Test helper process: opens the embedded database named by DATABASE_URL and holds it until SIGTERM.
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";

async function main() {
  const database = await openDatabase(resolveDatabaseConfig());
  const users = await database.prisma.user.count();
  console.log(`holding ${process.pid} users=${users}`);
  process.on("SIGTERM", () => {
    void database.close().then(() => process.exit(0));
  });
  setInterval(() => {}, 1000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
