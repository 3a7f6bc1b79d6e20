import path from "node:path";

/** Where the database lives: embedded PGlite (a directory, or in memory) or a PostgreSQL server. */
export type DatabaseConfig =
  | {
      kind: "pglite";
      dataDir: string | null;
      /** In memory only: a cluster to start from (PGlite's dumpDataDir) instead of a new one (tests start from a migrated copy). */
      image?: Blob;
    }
  | { kind: "postgres"; url: string };

/** Placeholder URL the Prisma CLI needs to read the schema when the embedded database is used. */
export const EMBEDDED_PLACEHOLDER_URL = "postgresql://embedded@localhost:5432/atelier?pglite=1";

/**
 * Reads DATABASE_URL: unset or `file:<dir>` or a plain path -> PGlite in that directory (default ./data);
 * `memory:` -> in-memory PGlite (tests); `postgres://` or `postgresql://` -> a PostgreSQL server.
 */
export function resolveDatabaseConfig(
  url: string | undefined = process.env.DATABASE_URL,
  cwd: string = process.cwd(),
): DatabaseConfig {
  const value = (url ?? "").trim();
  if (value === "" || value === EMBEDDED_PLACEHOLDER_URL) {
    return { kind: "pglite", dataDir: path.resolve(cwd, process.env.ATELIER_DATA_DIR ?? "data") };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value === "memory:" || value === "memory://") return { kind: "pglite", dataDir: null };
  const dir = value.startsWith("file:") ? value.slice("file:".length).replace(/^\/\/(?=\/)/, "") : value;
  return { kind: "pglite", dataDir: path.resolve(cwd, dir) };
}
