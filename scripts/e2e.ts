// `npm run test:e2e`: the Playwright suite split over E2E_SHARDS shards (default 2) that run at the same
// time, each against its own production server and its own fresh database, after one shared build.
// Shard i serves on E2E_PORT + 20 * (i - 1) (default 3100, 3120; each also uses port + 1 on PostgreSQL).
// With E2E_DATABASE_URL (PostgreSQL), shard 1 uses that database and shard i > 1 the database of the
// same name suffixed "_s<i>", created (empty) here. The whole suite is split by measured time per file
// (scripts/e2e-shards.ts). Arguments go to `playwright test` (a file filter runs in one shard unless E2E_SHARDS
// is set, then Playwright's own --shard splits it).
import { spawn } from "node:child_process";
import readline from "node:readline";
import { Client } from "pg";
import { CHROMIUM_MISSING, findChromium } from "../tests/e2e/chromium";
import { buildIfNeeded } from "./build";
import { measuredSeconds, planShards, specFiles } from "./e2e-shards";

const args = process.argv.slice(2);
const shards = Math.max(1, Number(process.env.E2E_SHARDS ?? (args.length > 0 ? 1 : 2)));
const basePort = Number(process.env.E2E_PORT ?? 3100);
const postgres = process.env.E2E_DATABASE_URL;
const root = process.cwd();
/** The files of each shard when the whole suite runs in several; null when Playwright splits (or one shard). */
const plan = shards > 1 && args.length === 0 ? planShards(specFiles(root), measuredSeconds(root), shards) : null;

/** The PostgreSQL database of shard i (1-based): the given one, or a sibling created empty. */
export function shardDatabaseUrl(url: string, shard: number): string {
  if (shard === 1) return url;
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/^\//, "")}_s${shard}`;
  return parsed.toString();
}

async function createDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = parsed.pathname.replace(/^\//, "");
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name "${name}"`);
  parsed.pathname = "/postgres";
  const client = new Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function runShard(shard: number): Promise<{ shard: number; ok: boolean; seconds: number }> {
  const started = Date.now();
  const port = basePort + 20 * (shard - 1);
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(port) };
  if (postgres) env.E2E_DATABASE_URL = shardDatabaseUrl(postgres, shard);
  const shardArgs = plan ? plan[shard - 1]! : shards > 1 ? [`--shard=${shard}/${shards}`] : [];
  const child = spawn("npx", ["playwright", "test", ...shardArgs, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = shards > 1 ? `[${shard}/${shards}] ` : "";
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => console.log(prefix + line));
  }
  return new Promise((resolve) => {
    child.on("close", (code) => resolve({ shard, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

async function main() {
  if (!findChromium()) {
    console.error(CHROMIUM_MISSING);
    process.exit(1);
  }
  // One build before the shards start: their servers would otherwise build into .next at the same time.
  if (!buildIfNeeded()) process.exit(1);
  if (postgres) for (let shard = 2; shard <= shards; shard++) await createDatabase(shardDatabaseUrl(postgres, shard));
  const results = await Promise.all(Array.from({ length: shards }, (_, i) => runShard(i + 1)));
  for (const r of results) console.log(`  e2e shard ${r.shard}/${shards}: ${r.ok ? "pass" : "FAIL"} in ${r.seconds} s`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
