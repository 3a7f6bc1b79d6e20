// JavaScript a page ships on first load, measured in Chromium the way a visitor receives it: every script
// resource of the page (Resource Timing), its transferred body (`encodedBodySize`, gzip as served) and its
// size once decoded (`decodedBodySize`). Each page is loaded in a fresh browser context (empty cache, cache
// disabled), signed in first when the page needs a role, and measured once the load event has fired and
// the network has gone quiet.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export type JsBytesRole = "customer" | "staff" | "admin";
export type JsBytesPage = { name: string; path: string; role?: JsBytesRole };
export type JsBytesResult = { name: string; path: string; scripts: number; gzipBytes: number; decodedBytes: number };

/** The seeded demo accounts (prisma/seed-database.ts), overridable like the seed's own passwords. */
export const demoAccounts: Record<JsBytesRole, { email: string; password: string }> = {
  admin: { email: "admin@atelier.test", password: process.env.ATELIER_DEMO_PASSWORD_ADMIN || "admin-demo-2026" },
  staff: { email: "staff@atelier.test", password: process.env.ATELIER_DEMO_PASSWORD_STAFF || "staff-demo-2026" },
  customer: { email: "clara@example.com", password: process.env.ATELIER_DEMO_PASSWORD_CUSTOMER || "customer-demo-2026" },
};

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Launches the Chromium the measurements use ($CHROMIUM_PATH or Debian's /usr/bin/chromium). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * Signs in through next-auth's credentials endpoint (csrf token, then the callback) inside a browser
 * context and returns its cookies, so every measured page starts from the same signed-in state.
 */
export async function signInState(browser: Browser, baseUrl: string, role: JsBytesRole): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const csrf = await context.request.get("/api/auth/csrf");
    if (!csrf.ok()) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const account = demoAccounts[role];
    const response = await context.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: account.email, password: account.password, callbackUrl: baseUrl, json: "true" },
      maxRedirects: 0,
    });
    if (response.status() >= 400) throw new Error(`signing in as ${role} answered ${response.status()}`);
    const state = await context.storageState();
    if (!state.cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token"))) {
      throw new Error(`signing in as ${role} (${account.email}) gave no session cookie`);
    }
    return state;
  } finally {
    await context.close();
  }
}

/** Waits for the load event, then for the network to go quiet (a page with a live event stream never goes idle). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  try {
    await page.waitForLoadState("networkidle", { timeout: 8_000 });
  } catch {
    // An open EventSource keeps a request in flight: wait until no new resource shows up for a second.
    let last = -1;
    for (let i = 0; i < 20; i++) {
      const count = await page.evaluate(() => performance.getEntriesByType("resource").length);
      if (count === last) break;
      last = count;
      await page.waitForTimeout(1_000);
    }
  }
  await page.waitForTimeout(250);
}

type ScriptEntry = { url: string; encoded: number; decoded: number };

/** The page's script resources: fetched by a script element or preloaded as one (`<link rel=preload as=script>`, `.js`). */
async function scriptEntries(page: Page): Promise<ScriptEntry[]> {
  return page.evaluate(() => {
    const seen = new Map<string, { url: string; encoded: number; decoded: number }>();
    for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
      const pathname = new URL(entry.name).pathname;
      const isScript = entry.initiatorType === "script" || /\.m?js$/.test(pathname);
      if (!isScript || seen.has(entry.name)) continue;
      seen.set(entry.name, { url: entry.name, encoded: entry.encodedBodySize, decoded: entry.decodedBodySize });
    }
    return [...seen.values()];
  });
}

/** Loads one page in a fresh context and returns its script resources. */
export async function measurePage(browser: Browser, baseUrl: string, path: string, state?: StorageState): Promise<ScriptEntry[]> {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: state });
  try {
    // Room for every resource of the page in its timeline (the default buffer holds 250 entries).
    await context.addInitScript("performance.setResourceTimingBufferSize(10000)");
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const response = await page.goto(path, { waitUntil: "load" });
    if (!response) throw new Error(`${path}: no response`);
    if (response.status() >= 400) throw new Error(`${path}: HTTP ${response.status()}`);
    const landed = new URL(page.url()).pathname;
    const wanted = new URL(path, baseUrl).pathname;
    if (landed !== wanted) throw new Error(`${path}: redirected to ${landed} (signed in with the wrong role?)`);
    await settle(page);
    return await scriptEntries(page);
  } finally {
    await context.close();
  }
}

/** Gzip and decoded bytes of every script each page loads on first load (fresh context, cache disabled). */
export async function measureJsBytes(options: { baseUrl: string; pages: JsBytesPage[] }): Promise<JsBytesResult[]> {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const browser = await launchChromium();
  try {
    const states = new Map<JsBytesRole, StorageState>();
    const results: JsBytesResult[] = [];
    for (const page of options.pages) {
      let state: StorageState | undefined;
      if (page.role) {
        state = states.get(page.role);
        if (!state) {
          state = await signInState(browser, baseUrl, page.role);
          states.set(page.role, state);
        }
      }
      const scripts = await measurePage(browser, baseUrl, page.path, state);
      results.push({
        name: page.name,
        path: page.path,
        scripts: scripts.length,
        gzipBytes: scripts.reduce((sum, s) => sum + s.encoded, 0),
        decodedBytes: scripts.reduce((sum, s) => sum + s.decoded, 0),
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** Every kind of page the budget covers: public, customer, staff and admin (an order and a product editor of the demo data). */
export function budgetPages(orderNumber: string, editorPath: string): JsBytesPage[] {
  return [
    { name: "catalog", path: "/" },
    { name: "configurator (Vela Roadster)", path: "/products/vela-roadster" },
    { name: "configurator (Linden sofa)", path: "/products/linden-sofa" },
    { name: "sign in", path: "/login" },
    { name: "checkout (customer)", path: "/products/linden-sofa/order", role: "customer" },
    { name: "my orders (customer)", path: "/orders", role: "customer" },
    { name: "order page (customer)", path: `/orders/${orderNumber}`, role: "customer" },
    { name: "staff board (staff)", path: "/staff", role: "staff" },
    { name: "build sheet (staff)", path: `/staff/orders/${orderNumber}`, role: "staff" },
    { name: "admin products (admin)", path: "/admin/products", role: "admin" },
    { name: "admin product editor (admin)", path: editorPath, role: "admin" },
    // The configurator inside other pages: a customer changing an order, an admin previewing a draft.
    { name: "order change (customer)", path: `/orders/${orderNumber}/change`, role: "customer" },
    { name: "draft preview (admin)", path: `${editorPath}/preview`, role: "admin" },
  ];
}
