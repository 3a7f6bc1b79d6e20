import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_MISSING, findChromium } from "./tests/e2e/chromium";

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_MISSING);

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// On PostgreSQL a second instance serves the same database, to test what must hold across instances
// (live events, rate limits). The embedded PGlite belongs to one process, so it has one instance.
const postgres = process.env.E2E_DATABASE_URL;
const secondURL = `http://localhost:${port + 1}`;
const serverEnv = {
  DATABASE_URL: postgres ?? `file:./data-e2e-${port}`,
  NEXTAUTH_SECRET: "e2e-secret-for-tests-only-0123456789",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "bXVsdGktaW5zdGFuY2UtdGVzdC1rZXktMzItYnl0ZXM=",
};

// End-to-end tests run against a production build on its own fresh database:
// E2E_DATABASE_URL (a local PostgreSQL) or an embedded PGlite in ./data-e2e.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Two shards share the 2-core CI machine with their servers: a sign-up flow that took 12 s in one run took 40 s in the next
  // there and failed at 30 s (in teardown). The limit catches a hang, not slowness; each check still waits 10 s.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // A trace of every test (kept when it fails) with E2E_TRACE=1. Recording one costs about as much CPU as the
    // test itself (screencast frames and DOM snapshots of every step), and no one can open a CI run's traces.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /multi-instance\.spec\.ts/ },
    ...(postgres
      ? [{ name: "multi-instance", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testMatch: /multi-instance\.spec\.ts/ }]
      : []),
  ],
  webServer: [
    {
      command: `npx tsx scripts/start.ts --fresh --port ${port}`,
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...serverEnv, NEXTAUTH_URL: baseURL },
    },
    ...(postgres
      ? [{
          // Started after the first is up: same build, same database, already migrated and seeded.
          command: `npx tsx scripts/start.ts --port ${port + 1}`,
          url: `${secondURL}/api/health`,
          timeout: 300_000,
          reuseExistingServer: false,
          stdout: "pipe" as const,
          env: { ...serverEnv, NEXTAUTH_URL: secondURL },
        }]
      : []),
  ],
});
