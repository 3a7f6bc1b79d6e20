import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseConfig } from "./config";
import { acquireDataDirLock } from "./lock";

/** The Prisma client with secrets omitted from every result by default. */
export function buildPrismaClient(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Prisma = ReturnType<typeof buildPrismaClient>;

export type Database = {
  prisma: Prisma;
  config: DatabaseConfig;
  /** The underlying PGlite instance when embedded (for LISTEN/NOTIFY and raw scripts). */
  pglite: PGlite | null;
  close: () => Promise<void>;
};

/** Opens the database described by the config: the only place a Prisma client is constructed. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const prisma = buildPrismaClient(new PrismaPg({ connectionString: config.url, max: poolSize() }));
    return { prisma, config, pglite: null, close: () => prisma.$disconnect() };
  }
  const release = config.dataDir ? acquireDataDirLock(config.dataDir) : () => {};
  try {
    const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
    await pglite.waitReady;
    const prisma = buildPrismaClient(new PrismaPGlite(pglite));
    const close = async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      release();
    };
    return { prisma, config, pglite, close };
  } catch (error) {
    release();
    throw error;
  }
}

function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}
