// `npx tsx bench/lighthouse-cli.ts http://localhost:3300 [--runs 3] [--budget 90] [--json]`: Lighthouse
// performance scores (mobile preset, simulated throttling) of the catalog, the Vela configurator and a
// customer's order page, against a running server with the demo data (scripts/start.ts seeds it), in
// Debian's Chromium ($CHROMIUM_PATH). Each figure is the median of the runs made within the budget
// (seconds). Exits with 1 when Lighthouse did not run.
import { signIn } from "./lib/server";
import { demoAccounts } from "./lib/js-bytes";
import { lighthousePages, runLighthouse, type LighthouseFigures } from "./lib/lighthouse";

const args = process.argv.slice(2);
const baseUrl = (args.find((a) => /^https?:\/\//.test(a)) ?? process.env.BASE_URL ?? "http://localhost:3300").replace(/\/+$/, "");
const json = args.includes("--json");
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = option("--runs", 3);
const budgetSeconds = option("--budget", 90);

/** One of the demo customer's order numbers, from the links of /orders (none: the order page is left out). */
async function customerOrderNumber(): Promise<string | undefined> {
  try {
    const cookie = await signIn(baseUrl, demoAccounts.customer.email, demoAccounts.customer.password);
    const html = await (await fetch(`${baseUrl}/orders`, { headers: { Cookie: cookie } })).text();
    return /href="\/orders\/([^"/?#]+)"/.exec(html)?.[1];
  } catch (error) {
    console.error(`no customer order page: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function printTable(figures: Extract<LighthouseFigures, { ran: true }>) {
  console.log(`Lighthouse ${figures.lighthouseVersion}, Chromium ${figures.chromeVersion}, ${figures.preset}; benchmarkIndex ${figures.benchmarkIndex}; ${baseUrl}\n`);
  const header = ["page", "runs", "score", "FCP ms", "LCP ms", "TBT ms", "CLS", "SI ms", "scores"];
  const rows = figures.pages.map((p) => {
    const m = p.median;
    const cells = m ? [m.score, m.fcpMs, m.lcpMs, m.tbtMs, m.cls, m.speedIndexMs].map(String) : ["-", "-", "-", "-", "-", "-"];
    return [`${p.name} (${p.path})`, String(p.runs), ...cells, p.scores.join(" ") + (p.error ? `  error: ${p.error}` : "")];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (i === header.length - 1 ? 0 : row[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  console.log(`\nmedian of each figure over the runs; Lighthouse took ${figures.seconds} s in all`);
}

async function main() {
  const pages = lighthousePages(await customerOrderNumber());
  const figures = await runLighthouse({ baseUrl, pages, runs, budgetMs: budgetSeconds * 1000, log: json ? undefined : (line) => console.log(line) });
  if (json) console.log(JSON.stringify(figures, null, 2));
  else if (figures.ran) printTable(figures);
  else console.log(`Lighthouse did not run: ${figures.reason} (${figures.seconds} s)`);
  if (!figures.ran) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
