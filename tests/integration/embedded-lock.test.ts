import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { DatabaseLockedError } from "@/lib/db/ops/lock";

// The embedded database may be opened by one process only: a second server or seed must stop with a
// clear message naming the holder, and leave the data as it was.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-lock-"));
const env = { ...process.env, DATABASE_URL: `file:${dir}`, NEXTAUTH_SECRET: "lock-test-secret-0123456789" };
const tsx = path.resolve("node_modules/.bin/tsx");
let holder: ChildProcess | undefined;

function run(script: string, ...args: string[]) {
  return spawnSync(tsx, [script, ...args], { env, encoding: "utf8", timeout: 120_000 });
}

/** What the seeded database holds, to compare after the refused openers. */
let seeded: { users: number; orders: number; products: number };

async function countRows() {
  const database = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    const [users, orders, products] = await Promise.all([database.prisma.user.count(), database.prisma.order.count(), database.prisma.product.count()]);
    return { users, orders, products };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  expect(run("scripts/migrate.ts").status).toBe(0);
  expect(run("prisma/seed.ts").status).toBe(0);
  seeded = await countRows();
  expect(seeded.users).toBe(4);
  expect(seeded.orders).toBeGreaterThan(0);
});

afterAll(() => {
  holder?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database ownership", () => {
  it("refuses a second server and a second seed while one process holds it, and keeps the data intact", async () => {
    holder = spawn(tsx, ["tests/integration/helpers/hold-database.ts"], { env });
    const holderPid = await new Promise<number>((resolve, reject) => {
      holder!.stdout!.on("data", (chunk: Buffer) => {
        const match = /holding (\d+) users=4/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      holder!.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });

    const seed = run("prisma/seed.ts");
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain(`is in use by process ${holderPid}`);
    expect(seed.stderr).toContain("stop that process first, or point DATABASE_URL at a PostgreSQL server");

    const server = run("scripts/start.ts", "--port", "3999");
    expect(server.status).toBe(1);
    expect(server.stderr).toContain(`is in use by process ${holderPid}`);

    await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);

    const exited = new Promise((resolve) => holder!.on("exit", resolve));
    holder.kill("SIGTERM");
    await exited;

    expect(await countRows()).toEqual(seeded);
    expect(fs.existsSync(path.join(dir, "atelier.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died", async () => {
    fs.writeFileSync(path.join(dir, "atelier.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, command: "crashed", since: "2026-01-01" }));
    const database = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      expect(await database.prisma.user.count()).toBe(4);
    } finally {
      await database.close();
    }
  });
});
