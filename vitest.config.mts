import path from "node:path";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Two projects: pure unit tests, and integration tests that run services on a real database
// (a fresh in-memory PGlite per file, or PostgreSQL when TEST_DATABASE_URL is set).
// Integration files run in parallel, each in its own process (the default forks pool, isolated per file) with
// its own database (tests/integration/helpers/test-db.ts: a new PGlite in memory or a newly created PostgreSQL
// database), its own temporary directories and ports chosen by the system. Two at a time by default, for the
// 2-core CI machine: INTEGRATION_WORKERS changes it (1 runs them one after another).
export default defineConfig({
  plugins: [tsconfigPaths()],
  resolve: { alias: { "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts") } },
  test: {
    projects: [
      {
        extends: true,
        // Property tests run hundreds of generated cases; a time limit would fail them on a busy machine
        // without saying anything about their result (speed budgets live in `npm run bench`).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/helpers/pglite-image.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: Number(process.env.INTEGRATION_WORKERS ?? 2),
          // Its own group: its worker count differs from the unit project's (vitest requires one per group).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
