// `npm test`: every layer, in order: deps (the architecture rules of .dependency-cruiser.cjs: no import cycles,
// lib/ apart from app/, the pure engine apart from the server; a few seconds), unit (Vitest), integration
// (Vitest, real database), e2e (Playwright, production build in Chromium). Exits non-zero if any layer fails;
// a missing browser is a failure.
import { spawnSync } from "node:child_process";
import { CHROMIUM_MISSING, findChromium } from "../tests/e2e/chromium";

type Layer = { name: string; command: string[] };

const layers: Layer[] = [
  { name: "deps", command: ["npm", "run", "--silent", "lint:deps"] },
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit"] },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration"] },
  { name: "e2e", command: ["npx", "tsx", "scripts/e2e.ts"] },
];

const results: { name: string; ok: boolean; seconds: number; note?: string }[] = [];
for (const layer of layers) {
  const started = Date.now();
  if (layer.name === "e2e" && !findChromium()) {
    console.error(`\n${CHROMIUM_MISSING}`);
    results.push({ name: layer.name, ok: false, seconds: 0, note: "no browser" });
    continue;
  }
  console.log(`\n=== ${layer.name} tests: ${layer.command.join(" ")}`);
  const run = spawnSync(layer.command[0]!, layer.command.slice(1), { stdio: "inherit", env: process.env });
  results.push({ name: layer.name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\n=== summary");
for (const r of results) console.log(`  ${r.ok ? "pass" : "FAIL"}  ${r.name.padEnd(12)} ${r.seconds} s${r.note ? ` (${r.note})` : ""}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
