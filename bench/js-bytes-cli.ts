// `npx tsx bench/js-bytes-cli.ts http://localhost:3300 [--json] [--budget 150]`: the JavaScript every page
// ships on first load (gzip as transferred, and decoded), measured in Chromium, against a running server
// with the demo data (scripts/start.ts seeds it). A customer order number and an admin product id are
// found by following the links of the signed-in pages. Exits with 1 when a page is over the budget
// (KB gzip, 1 KB = 1,000 bytes).
import { budgetPages, launchChromium, measureJsBytes, signInState, type JsBytesRole } from "./lib/js-bytes";

const args = process.argv.slice(2);
const baseUrl = (args.find((a) => /^https?:\/\//.test(a)) ?? process.env.BASE_URL ?? "http://localhost:3300").replace(/\/+$/, "");
const json = args.includes("--json");
const budgetIndex = args.indexOf("--budget");
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150;
// KB = 1,000 bytes, as the budget is stated ("150 KB of JavaScript (gzip)").
const KB = 1000;

/** The first link on `path` (signed in as `role`) whose href matches `pattern`. */
async function findLink(role: JsBytesRole, path: string, pattern: RegExp): Promise<string> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: baseUrl, storageState: await signInState(browser, baseUrl, role) });
    const page = await context.newPage();
    await page.goto(path);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const found = hrefs.find((href) => pattern.test(href));
    if (!found) throw new Error(`no link matching ${pattern} on ${path} (as ${role})`);
    return found.split("#")[0]!.split("?")[0]!;
  } finally {
    await browser.close();
  }
}

async function main() {
  const order = await findLink("customer", "/orders", /^\/orders\/[^/]+$/);
  const number = order.split("/").pop()!;
  const editor = await findLink("admin", "/admin/products", /^\/admin\/products\/(?!new$)[^/]+$/);

  const pages = budgetPages(number, editor);
  const results = await measureJsBytes({ baseUrl, pages });

  if (json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    const kb = (bytes: number) => (bytes / KB).toFixed(1);
    const rows = results.map((r) => [r.name, r.path, String(r.scripts), String(r.gzipBytes), kb(r.gzipBytes), kb(r.decodedBytes), r.gzipBytes <= budgetKb * KB ? "ok" : "OVER"]);
    const header = ["page", "path", "scripts", "bytes gzip", "KB gzip", "KB decoded", `<= ${budgetKb} KB`];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
    console.log(`JavaScript on first load, ${baseUrl} (Chromium, fresh context, cache disabled; 1 KB = 1,000 bytes)\n`);
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of rows) console.log(line(row));
  }
  const over = results.filter((r) => r.gzipBytes > budgetKb * KB);
  if (over.length) {
    console.error(`\n${over.length} page(s) over ${budgetKb} KB gzip: ${over.map((r) => r.path).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
