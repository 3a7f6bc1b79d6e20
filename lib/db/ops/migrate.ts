import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The minimal SQL surface the migration runner needs from PGlite or a pg client. */
export type SqlRunner = {
  /** Runs a multi-statement script (simple query protocol). */
  exec: (sql: string) => Promise<void>;
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  /** Runs fn atomically. */
  transaction: (fn: (tx: Omit<SqlRunner, "transaction">) => Promise<void>) => Promise<void>;
};

export type Migration = { name: string; sql: string; checksum: string };

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
/**
 * Database functions kept in one file each (CREATE OR REPLACE, so applying them again changes nothing):
 * applied after the migrations on every run, so the file is the one place to read and change them.
 */
export const DEFINITIONS_DIR = path.join(process.cwd(), "prisma", "sql");

// Same bookkeeping table as Prisma Migrate, so `prisma migrate status` reads what this runner applied.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Reads the committed migrations in order (folder names sort by timestamp). */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies every committed migration not yet recorded, each in its own transaction, and records it
 * in `_prisma_migrations`. Refuses to continue when an applied migration's file was edited since.
 */
export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  await db.exec(BOOKKEEPING);
  const rows = await db.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const done: string[] = [];
  for (const migration of migrations) {
    const row = applied.get(migration.name);
    if (row) {
      if (!row.finished_at) throw new Error(`Migration ${migration.name} failed earlier; fix the database by hand.`);
      if (row.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was edited after it was applied; write a new migration instead.`);
      }
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
    done.push(migration.name);
  }
  await applyDefinitions(db);
  return done;
}

/** Applies every file of prisma/sql (see DEFINITIONS_DIR), in name order, in one transaction. */
export async function applyDefinitions(db: SqlRunner, dir: string = DEFINITIONS_DIR): Promise<void> {
  if (!fs.existsSync(dir)) return;
  const files = fs.readdirSync(dir).filter((name) => name.endsWith(".sql")).sort();
  await db.transaction(async (tx) => {
    for (const file of files) await tx.exec(fs.readFileSync(path.join(dir, file), "utf8"));
  });
}
