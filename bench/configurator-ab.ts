// `npx tsx bench/configurator-ab.ts`: the configurator's budget pair of `npm run bench` on its own (the static
// page, then the cached configurator page, at concurrency 16, in alternating rounds; the median of the rounds'
// ratios), plus a share link (rendered per request) for reference. It serves an existing production build:
// AB_DIST (default .next) in AB_CWD (default this checkout), on a scratch PostgreSQL database (BENCH_POSTGRES_URL),
// migrated and seeded here. AB_ROUNDS (6) rounds of AB_SECONDS (3) each; BENCH_PORT (3340).
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/ops/prepare";
import { encodeSelection } from "@/lib/configurator";
import { seedDatabase } from "@/prisma/seed-database";
import { runLoad, type Scenario } from "./lib/load";
import { createScratchDatabase } from "./lib/scratch-database";
import { BENCH_SERVER_ENV, startServer } from "./lib/server";

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROUNDS = Number(process.env.AB_ROUNDS ?? 6);
const SECONDS = Number(process.env.AB_SECONDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3340);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const database = await createScratchDatabase(SERVER_URL, "configurator_ab");
  try {
    const config = resolveDatabaseConfig(database.url);
    await migrateDatabase(config);
    const opened = await openDatabase(config);
    await seedDatabase(opened.prisma);
    await opened.close();
    const server = await startServer({ port: PORT, distDir: process.env.AB_DIST ?? ".next", cwd: process.env.AB_CWD, databaseUrl: database.url, env: BENCH_SERVER_ENV });
    try {
      const shared = `/products/vela-roadster?c=${encodeSelection({ paint: "racing-green" })}`;
      const scenarios: Scenario[] = [
        { name: "static page", path: "/forbidden", expect: { status: 200, text: "have access" } },
        { name: "configurator", path: "/products/vela-roadster", expect: { status: 200, text: "Vela" } },
        { name: "share link", path: shared, expect: { status: 200, text: "Vela" } },
      ];
      for (const scenario of scenarios) await runLoad(server.base, scenario, 16, 1); // warm-up
      const ratios: Record<string, number[]> = { configurator: [], "share link": [] };
      for (let round = 1; round <= ROUNDS; round++) {
        const figures: Record<string, number> = {};
        for (const scenario of scenarios) figures[scenario.name] = (await runLoad(server.base, scenario, 16, SECONDS)).requestsPerSecond;
        const line = scenarios.map((s) => `${s.name} ${figures[s.name]!.toFixed(0)} req/s`).join(", ");
        for (const name of Object.keys(ratios)) ratios[name]!.push(figures[name]! / figures["static page"]!);
        console.log(`round ${round}: ${line} -> configurator ${(figures.configurator! / figures["static page"]!).toFixed(2)}x static`);
      }
      for (const [name, values] of Object.entries(ratios)) console.log(`${name}: median ${median(values).toFixed(2)}x the static page (rounds: ${values.map((v) => v.toFixed(2)).join(", ")})`);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
