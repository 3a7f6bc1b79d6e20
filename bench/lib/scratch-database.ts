// A throwaway database on a PostgreSQL server for one benchmark run: created empty under a unique name,
// and dropped (with any sessions still on it) by `drop`, which every script calls in its `finally`.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type ScratchDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * Creates `<BENCH_DB_PREFIX><prefix>_<random>` on the server at `serverUrl` (a connection string to any existing database):
 * empty, or a copy of the database `template` (which must have no open connections).
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, template?: string): Promise<ScratchDatabase> {
  // BENCH_DB_PREFIX goes before the name (several checkouts benchmarking on one server keep theirs apart).
  const name = `${process.env.BENCH_DB_PREFIX ?? ""}${prefix}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
