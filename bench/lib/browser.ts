// The benchmark's browser figures, in Debian's Chromium: JavaScript each page ships on first load (gzip as
// transferred, see js-bytes.ts) and, on the Vela configurator, the time from an option click to the updated
// total (measured inside the page, median of 50 clicks after 5 warm-up clicks). The configurator loads its
// engine on the first interaction: the clicks are timed after a first interaction (focus on the option)
// has loaded it, so they measure the engine at work, not the chunk download. The very first click, made before
// the engine is loaded (shown at once, applied when the engine arrives), is timed on its own on a fresh page:
// click to updated total, the engine's load included.
// The Lighthouse performance score and metrics of the catalog, the configurator and a customer's order page
// come last (see lighthouse.ts; BENCH_LIGHTHOUSE_RUNS=0 leaves them out).
import { budgetPages, launchChromium, measureJsBytes, type JsBytesResult } from "./js-bytes";
import { lighthousePages, runLighthouse, type LighthouseFigures } from "./lighthouse";
import { signIn } from "./server";

export type BrowserFigures = {
  pages: JsBytesResult[];
  clickToTotalMs: { median: number; p95: number; max: number };
  clickToNextFrameMs: { median: number; p95: number };
  /** The first click on a fresh page, before the engine is loaded: click to updated total, the engine's load included (reports since issue 18). */
  firstClickWithEngineLoadMs?: number;
  lighthouse: LighthouseFigures;
};

const CLICKS = 50;

// Runs inside the page. Kept as source text: the TypeScript runner adds helpers to compiled functions
// that do not exist in the page. Each click toggles the Winter package; it times click -> total text
// changed (React commits a discrete event synchronously) and -> the next animation frame.
const IN_PAGE_CLICKS = `async (clicks) => {
  const input = document.querySelector("#opt-packages-winter");
  const total = document.querySelector('[data-testid="total"]');
  if (!input || !total) throw new Error("configurator controls not found");
  const toDom = [];
  const toFrame = [];
  for (let i = 0; i < clicks + 5; i++) {
    const before = total.textContent;
    const start = performance.now();
    input.click();
    await new Promise((resolve) => {
      const check = () => (total.textContent !== before ? resolve() : queueMicrotask(check));
      check();
    });
    const dom = performance.now() - start;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    if (i >= 5) {
      toDom.push(dom);
      toFrame.push(performance.now() - start);
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return { toDom, toFrame };
}`;

// Runs inside the page (source text, as above): the first click, before the engine is loaded, to the total's
// text changing (checked every animation frame while the engine chunk arrives).
const IN_PAGE_FIRST_CLICK = `async () => {
  const input = document.querySelector("#opt-packages-winter");
  const total = document.querySelector('[data-testid="total"]');
  if (!input || !total) throw new Error("configurator controls not found");
  const before = total.textContent;
  const start = performance.now();
  input.click();
  await new Promise((resolve) => {
    const check = () => (total.textContent !== before ? resolve() : requestAnimationFrame(check));
    check();
  });
  return performance.now() - start;
}`;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? NaN;

/** The first admin product editor link on /admin/products. */
async function editorPath(base: string): Promise<string> {
  const cookie = await signIn(base, "admin@atelier.test", process.env.ATELIER_DEMO_PASSWORD_ADMIN || "admin-demo-2026");
  const html = await (await fetch(`${base}/admin/products`, { headers: { Cookie: cookie } })).text();
  const match = /href="(\/admin\/products\/(?!new")[^"/?#]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no product editor link on /admin/products");
  return match[1];
}

export async function clickToTotal(base: string): Promise<Pick<BrowserFigures, "clickToTotalMs" | "clickToNextFrameMs" | "firstClickWithEngineLoadMs">> {
  const browser = await launchChromium();
  try {
    // The first click on a fresh page (its own context: nothing cached), before the engine is loaded.
    const fresh = await browser.newContext();
    const first = await fresh.newPage();
    await first.goto(`${base}/products/vela-roadster`);
    await first.getByTestId("delivery-date").first().waitFor();
    await first.locator('[data-engine="idle"]').waitFor();
    const firstClickMs = (await first.evaluate(`(${IN_PAGE_FIRST_CLICK})()`)) as number;
    await fresh.close();

    const page = await browser.newPage();
    await page.goto(`${base}/products/vela-roadster`);
    await page.getByTestId("delivery-date").first().waitFor();
    await page.locator("#opt-packages-winter").focus();
    await page.locator('[data-engine="ready"]').waitFor();
    const timings = (await page.evaluate(`(${IN_PAGE_CLICKS})(${CLICKS})`)) as { toDom: number[]; toFrame: number[] };
    const round = (n: number) => Number(n.toFixed(2));
    return {
      clickToTotalMs: { median: round(percentile(timings.toDom, 0.5)), p95: round(percentile(timings.toDom, 0.95)), max: round(Math.max(...timings.toDom)) },
      clickToNextFrameMs: { median: round(percentile(timings.toFrame, 0.5)), p95: round(percentile(timings.toFrame, 0.95)) },
      firstClickWithEngineLoadMs: round(firstClickMs),
    };
  } finally {
    await browser.close();
  }
}

/** Lighthouse on the key pages (3 runs each within 90 s unless BENCH_LIGHTHOUSE_RUNS says otherwise); never throws. */
export async function lighthouseFigures(base: string, orderNumber: string): Promise<LighthouseFigures> {
  const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
  if (!(runs > 0)) return { ran: false, reason: `left out (BENCH_LIGHTHOUSE_RUNS=${process.env.BENCH_LIGHTHOUSE_RUNS})`, seconds: 0 };
  const figures = await runLighthouse({ baseUrl: base, pages: lighthousePages(orderNumber), runs, budgetMs: 90_000 });
  const summary = figures.ran ? figures.pages.map((p) => `${p.name} ${p.median?.score ?? p.error}`).join(", ") : `did not run: ${figures.reason}`;
  console.log(`[${new Date().toISOString().slice(11, 19)}] lighthouse (${figures.seconds} s): ${summary}`);
  return figures;
}

export async function measureBrowser(base: string, orderNumber: string): Promise<BrowserFigures> {
  const pages = budgetPages(orderNumber, await editorPath(base));
  const measured = await measureJsBytes({ baseUrl: base, pages });
  return { pages: measured, ...(await clickToTotal(base)), lighthouse: await lighthouseFigures(base, orderNumber) };
}
