import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import type { SqlRunner } from "./migrate";

/** A SqlRunner over an open PGlite instance. */
export function pgliteRunner(pglite: PGlite): SqlRunner {
  const wrap = (q: PGlite | Transaction) => ({
    exec: async (sql: string) => {
      await q.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows,
  });
  return { ...wrap(pglite), transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))) };
}

/** A SqlRunner over one pg connection (simple query protocol for scripts). */
export function pgRunner(client: pg.Client): SqlRunner {
  const self = {
    exec: async (sql: string) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
  };
  return {
    ...self,
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        await fn(self);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}

/** Opens a pg connection, runs fn with a runner under a session advisory lock, and closes it. */
export async function withPostgresRunner<T>(url: string, fn: (db: SqlRunner) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    return await fn(pgRunner(client));
  } finally {
    await client.end();
  }
}
