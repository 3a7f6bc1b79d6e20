import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { processWide } from "@/lib/process-wide";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseConfig } from "./config";
import { acquireDataDirLock } from "./ops/lock";

/** The Prisma client with secrets omitted from every result by default. */
export function buildPrismaClient(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Prisma = ReturnType<typeof buildPrismaClient>;

/** The Prisma client or an interactive transaction: services accept either. */
export type Tx = Omit<Prisma, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Runs one statement straight on the driver under the Prisma client (the same pg pool, or the same PGlite
 * instance), outside any transaction, and returns its rows. For the hottest raw statements only (the order
 * write, the checkout's user read): Prisma's query compiler and interpreter cost about 0.35 ms of CPU per
 * statement, which on the embedded database is the server's own thread. Parameters are bound ($1, $2, ...).
 */
export type DirectQuery = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

// Process-wide (processWide): the database is opened by whichever route's bundle comes first and used by all.
const directQueries = processWide("directQueries", () => new WeakMap<object, DirectQuery>());

/**
 * The direct path of a client opened by openDatabase, or null for anything else (a transaction client, whose
 * statements must run on its own connection, or a client built elsewhere): the caller then uses Prisma.
 */
export function directQueryOf(db: object): DirectQuery | null {
  return directQueries.get(db) ?? null;
}

/**
 * Runs one raw statement ($1, $2, ... bound) and returns its rows: straight on the driver when `db` is a
 * client opened by openDatabase (see DirectQuery), through Prisma otherwise (inside a transaction). Both
 * drivers parse jsonb, timestamps and integers as Prisma's raw queries do.
 */
export function queryRows<T>(db: Tx, sql: string, params: unknown[] = []): Promise<T[]> {
  const direct = directQueryOf(db);
  return direct ? direct<T>(sql, params) : db.$queryRawUnsafe<T[]>(sql, ...params);
}

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
    // One pool, shared by Prisma and the direct path; Prisma ends it on $disconnect.
    // No parallel workers: the app's statements are short, and starting two workers took about 50 ms on a
    // 2-core machine, ten times the work (the staff board's counts once a column held 3,000 orders).
    const pool = new pg.Pool({ connectionString: config.url, max: poolSize(), options: "-c max_parallel_workers_per_gather=0" });
    // An idle connection the server dropped (a restart, an outage) is reported here; without a listener it
    // would end the process, also before Prisma's first query attaches its own. The pool reconnects on demand.
    pool.on("error", (error) => console.error("database connection lost:", error.message));
    const prisma = buildPrismaClient(new PrismaPg(pool, { disposeExternalPool: true }));
    directQueries.set(prisma, async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[]);
    return { prisma, config, pglite: null, close: () => prisma.$disconnect() };
  }
  const release = config.dataDir ? acquireDataDirLock(config.dataDir) : () => {};
  try {
    const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite(config.image ? { loadDataDir: config.image } : {});
    await pglite.waitReady;
    const prisma = buildPrismaClient(new PrismaPGlite(pglite));
    // PGlite runs one statement at a time and holds Prisma's transactions exclusively: a direct statement
    // waits for them, as Prisma's own statements outside a transaction do.
    directQueries.set(prisma, async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows);
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
