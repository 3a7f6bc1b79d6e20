import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/ops/migrate";
import { assertLocal } from "@/lib/db/ops/prepare";
import { pgliteRunner, withPostgresRunner } from "@/lib/db/ops/sql-runner";

export type TestDatabase = Database & {
  label: string;
  url: string | null;
  /** Runs SQL on the driver itself, below Prisma: errors carry PostgreSQL's own message. */
  rawQuery: (sql: string, params?: unknown[]) => Promise<unknown[]>;
  drop: () => Promise<void>;
};

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default (a copy of the migrated image), or a new database on the
 * local PostgreSQL server named by TEST_DATABASE_URL (created here, dropped by `drop`).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // Started from the migrated image the project's global setup wrote (helpers/pglite-image.ts), else migrated here.
    const imageFile = inject("pgliteImage");
    const image = imageFile ? new Blob([fs.readFileSync(imageFile)]) : undefined;
    const database = await openDatabase({ kind: "pglite", dataDir: null, image });
    if (!database.pglite) throw new Error("expected PGlite");
    const runner = pgliteRunner(database.pglite);
    if (!image) await applyMigrations(runner);
    return { ...database, label: "PGlite (in memory)", url: null, rawQuery: (sql, params) => runner.query(sql, params), drop: database.close };
  }
  assertLocal({ kind: "postgres", url: serverUrl });
  const name = `atelier_it_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await withPostgresRunner(url.toString(), applyMigrations);
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  const drop = async () => {
    await raw.end();
    await database.close();
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  const rawQuery = async (sql: string, params: unknown[] = []) => (await raw.query(sql, params)).rows;
  return { ...database, label: `PostgreSQL (${name})`, url: url.toString(), rawQuery, drop };
}
