import "server-only";
import { resolveDatabaseConfig } from "./config";
import { processWide } from "@/lib/process-wide";
import { openDatabase, type Database, type Prisma } from "./client";

// One database per process (processWide: every route's bundle shares it): PGlite may be opened by one
// process only, and a pg pool is shared.
const globalForDb = processWide("database", () => ({ atelierDb: undefined as Promise<Database> | undefined }));

/** The process's database (opened on first use, closed on shutdown). */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.atelierDb) {
    const opening = openDatabase(resolveDatabaseConfig());
    globalForDb.atelierDb = opening;
    opening.then(registerShutdown, () => {
      globalForDb.atelierDb = undefined; // let the next request retry
    });
  }
  return globalForDb.atelierDb;
}

/** The Prisma client of this process. */
export async function getDb(): Promise<Prisma> {
  return (await getDatabase()).prisma;
}

function registerShutdown(database: Database) {
  const stop = (signal: NodeJS.Signals) => {
    database.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

export type { Prisma } from "./client";
