import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_MISSING, findChromium } from "./tests/e2e/chromium";

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_MISSING);

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// End-to-end tests run against a production build on its own fresh database:
// E2E_DATABASE_URL (a local PostgreSQL) or an embedded PGlite in ./data-e2e.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `npx tsx scripts/start.ts --fresh --port ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:./data-e2e-${port}`,
      NEXTAUTH_SECRET: "e2e-secret-for-tests-only-0123456789",
      NEXTAUTH_URL: baseURL,
    },
  },
});
