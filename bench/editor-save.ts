// `npx tsx bench/editor-save.ts http://localhost:3300 [--groups 10] [--options 200]`: the product editor at the
// largest size the schema allows per group, in Chromium against a running server with the demo data. It
// creates a product, pastes a definition of N groups x M options into the JSON panel, and measures: the
// paste (apply to the form), the save (click to "Draft vN saved."), the save action's response bytes, the
// editor page's HTML bytes and its load, and the parse and lint of that definition in this process.
import { lint, parseDefinition, type Definition, type Group } from "../lib/configurator";
import { launchChromium, signInState } from "./lib/js-bytes";

const args = process.argv.slice(2);
const baseUrl = (args.find((a) => /^https?:\/\//.test(a)) ?? process.env.BASE_URL ?? "http://localhost:3300").replace(/\/+$/, "");
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const groupCount = flag("--groups", 10);
const optionCount = flag("--options", 200);

/** A definition of `groups` single-choice groups of `options` options each (what "10 x 200" means). */
export function wideDefinition(groups: number, options: number, workCentre = "assembly"): Definition {
  const list: Group[] = Array.from({ length: groups }, (_, g) => ({
    id: `g${g}`,
    label: `Group ${g + 1}`,
    type: "single",
    required: true,
    options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, label: `Option ${g + 1}.${o + 1}`, priceCents: o * 100, leadDays: 0, productionHours: 0.25 })),
  }));
  return { basePriceCents: 10_000, baseLeadDays: 7, routing: [{ id: "make", label: "Make", workCentre, hours: 1 }], premiumPercent: 0, groups: list, rules: [] };
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

async function main() {
  const definition = wideDefinition(groupCount, optionCount);
  const json = JSON.stringify(definition);
  let t = performance.now();
  parseDefinition(json);
  const parseMs = performance.now() - t;
  t = performance.now();
  lint(definition, [{ id: "assembly", name: "Assembly", active: true }]);
  const lintMs = performance.now() - t;

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: baseUrl, storageState: await signInState(browser, baseUrl, "admin"), viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto("/admin/products/new");
    const stamp = Date.now().toString(36);
    await page.getByRole("main").getByLabel("Name").fill(`Bench editor ${stamp}`);
    await page.getByRole("main").getByLabel("Slug").fill(`bench-editor-${stamp}`);
    await page.getByRole("button", { name: "Create product" }).click();
    await page.waitForURL(/\/admin\/products\/(?!new)[^/]+$/);
    const editorPath = new URL(page.url()).pathname;
    // The product page shows the definition read-only until the editor is opened.
    await page.getByRole("button", { name: "Edit definition" }).click();

    await page.getByRole("main").getByText("Advanced: edit JSON").click();
    await page.locator("#definition-json").fill(json);
    t = performance.now();
    await page.getByRole("button", { name: "Apply JSON to the form" }).click();
    await page.getByText("Unsaved changes").waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const applyMs = performance.now() - t;

    let actionBytes = 0;
    let answeredAtEpoch = 0;
    page.on("response", (response) => {
      if (response.request().method() === "POST" && response.request().headers()["next-action"]) {
        void response.body().then((body) => {
          actionBytes = body.length;
          answeredAtEpoch = Date.now();
        }).catch(() => undefined);
      }
    });
    // Timed in the page, from the click to the next frame after "Draft vN saved." shows: Playwright's own
    // text and role queries over a page of 2,000 option rows take longer than the save itself.
    const save = await page.evaluate(() => new Promise<{ clickedAt: number; ms: number }>((resolve, reject) => {
      const form = document.querySelector('form[aria-label="Draft definition"]');
      const message = form?.querySelector(':scope > div[aria-live="polite"]');
      const button = [...(form?.querySelectorAll("button[type=submit]") ?? [])].find((b) => b.textContent?.trim() === "Save draft");
      if (!message || !(button instanceof HTMLButtonElement)) return reject(new Error("no Save draft button or message"));
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (!/Draft v\d+ saved\./.test(message.textContent ?? "")) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve({ clickedAt: performance.timeOrigin + start, ms: performance.now() - start }));
      });
      observer.observe(message, { childList: true, subtree: true, characterData: true });
      button.click();
    }));
    await page.getByText(/Draft v\d+ saved\./).waitFor();
    const saveMs = save.ms;
    const serverMs = answeredAtEpoch - save.clickedAt;
    const requestBytes = Buffer.byteLength(json);

    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    t = performance.now();
    const html = await (await fetch(`${baseUrl}${editorPath}`, { headers: { cookie } })).text();
    const htmlMs = performance.now() - t;
    t = performance.now();
    await page.goto(editorPath, { waitUntil: "load" });
    await page.getByRole("button", { name: "Edit definition" }).click();
    await page.getByRole("button", { name: "Save draft" }).waitFor();
    const loadMs = performance.now() - t;

    const result = {
      size: `${groupCount} groups x ${optionCount} options`,
      definitionBytes: requestBytes,
      parseSeconds: seconds(parseMs),
      lintSeconds: seconds(lintMs),
      applyJsonSeconds: seconds(applyMs),
      saveSeconds: seconds(saveMs),
      saveServerSeconds: seconds(serverMs),
      saveResponseBytes: actionBytes,
      pageHtmlBytes: Buffer.byteLength(html),
      pageHtmlSeconds: seconds(htmlMs),
      pageLoadSeconds: seconds(loadMs),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
