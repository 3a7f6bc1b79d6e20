import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { DatabaseConfig } from "../config";
import { acquireDataDirLock } from "./lock";
import { applyMigrations } from "./migrate";
import { pgliteRunner, withPostgresRunner } from "./sql-runner";

/** Applies the committed migrations to the configured database; returns the names applied now. */
export async function migrateDatabase(config: DatabaseConfig): Promise<string[]> {
  if (config.kind === "postgres") return withPostgresRunner(config.url, applyMigrations);
  if (!config.dataDir) throw new Error("An in-memory database has nothing to migrate.");
  const release = acquireDataDirLock(config.dataDir);
  const pglite = new PGlite(config.dataDir);
  try {
    return await applyMigrations(pgliteRunner(pglite));
  } finally {
    await pglite.close();
    release();
  }
}

/** Refuses to wipe anything but a local database (tests and `--fresh` only). */
export function assertLocal(config: DatabaseConfig) {
  if (config.kind === "postgres") {
    const host = new URL(config.url).hostname;
    if (!["localhost", "127.0.0.1", "::1", ""].includes(host)) {
      throw new Error(`Refusing to reset the non-local database at ${host}.`);
    }
  }
}

/** Empties the configured database (embedded directory removed, or the PostgreSQL public schema dropped). */
export async function resetDatabase(config: DatabaseConfig): Promise<void> {
  assertLocal(config);
  if (config.kind === "postgres") {
    await withPostgresRunner(config.url, (db) => db.exec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`));
    return;
  }
  if (!config.dataDir) return;
  const release = acquireDataDirLock(config.dataDir); // never wipe a directory another process is using
  release();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}
