// Lighthouse performance scores of a few key pages, measured against a running production server in
// Debian's Chromium ($CHROMIUM_PATH or /usr/bin/chromium), launched headless by chrome-launcher with a
// remote debugging port that Lighthouse's Node API drives.
//
// Preset: Lighthouse's default (mobile) configuration: a Moto G Power-sized screen, slow 4G (150 ms RTT,
// 1.6 Mbps down) and a 4x slower CPU, applied by simulation (Lantern) to a page loaded unthrottled, so
// scores are comparable with other Lighthouse mobile scores. Only the five metrics the performance
// score weighs are audited (FCP, Speed Index, LCP, TBT, CLS): the score is the same as the full
// category's (every other performance audit weighs 0) and a run is quicker.
//
// Each page is run a few times, round-robin, within a time budget (default 3 runs and 90 s); every figure
// is the median of its runs. It never throws: when Lighthouse cannot run, the result says why.
import fs from "node:fs";
import type { Flags, Result } from "lighthouse";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, signInState, type JsBytesRole } from "./js-bytes";

export type LighthousePage = { name: string; path: string; role?: JsBytesRole };
export type LighthouseMetrics = { score: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
export type LighthousePageResult = { name: string; path: string; runs: number; median: LighthouseMetrics | null; scores: number[]; error?: string };
export type LighthouseFigures =
  | {
      ran: true;
      lighthouseVersion: string;
      chromeVersion: string;
      preset: string;
      /** Lighthouse's estimate of this machine's CPU speed (median of the runs); the simulated 4x slowdown is applied on top. */
      benchmarkIndex: number;
      seconds: number;
      pages: LighthousePageResult[];
    }
  | { ran: false; reason: string; seconds: number };

export const LIGHTHOUSE_PRESET = "mobile (Lighthouse default): simulated slow 4G and 4x CPU slowdown, Moto G Power screen";

export type LighthouseOptions = { baseUrl: string; pages: LighthousePage[]; runs?: number; budgetMs?: number; log?: (line: string) => void };
type Launched = { port: number; version: string; kill: () => void };
type LighthouseFn = (url: string, flags: Flags) => Promise<{ lhr: Result } | undefined>;
type PageRun = LighthouseMetrics & { benchmarkIndex: number; lighthouseVersion: string };
type Schedule = { baseUrl: string; pages: LighthousePage[]; runs: number; budgetMs: number; log?: (line: string) => void };

const METRIC_AUDITS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
/** One run may not take longer than this (a page that never loads): Lighthouse is then stopped. */
const RUN_TIMEOUT_MS = 60_000;

/** The pages measured: the catalog, the Vela configurator and, signed in as the demo customer, one of their orders. */
export function lighthousePages(orderNumber?: string): LighthousePage[] {
  const pages: LighthousePage[] = [
    { name: "catalog", path: "/" },
    { name: "configurator (Vela Roadster)", path: "/products/vela-roadster" },
  ];
  if (orderNumber) pages.push({ name: "order page (customer)", path: `/orders/${orderNumber}`, role: "customer" });
  return pages;
}

/** Lighthouse's Node API, loaded on first use (an ES module; a failure to load is reported, not thrown). */
async function loadLighthouse(): Promise<LighthouseFn> {
  const module = await import("lighthouse");
  return module.default as unknown as LighthouseFn;
}

/**
 * Chromium's flags: headless, the bench's usual ones, and no name resolution but the server's host.
 * Debian's Chromium (API keys in /etc/chromium.d) still looks up accounts.google.com, clients2.google.com
 * and update.googleapis.com despite --disable-background-networking; mapping every other host to "not
 * found" keeps each run on the machine.
 */
function chromiumFlags(baseUrl: string): string[] {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, "");
  return ["--headless=new", ...CHROMIUM_ARGS, `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${host}`];
}

/** The browser to launch; checked first, since chrome-launcher cannot report a missing one (its spawn error is unhandled). */
function chromiumPath(): string {
  const file = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`no Chromium at ${file} (set CHROMIUM_PATH)`);
  }
  return file;
}

/** Fails early, with a plain reason, when nothing answers at the base URL. */
async function assertServerAnswers(baseUrl: string): Promise<void> {
  try {
    await fetch(baseUrl, { redirect: "manual", signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new Error(`the server at ${baseUrl} did not answer (${errorText(error)})`);
  }
}

/**
 * Starts headless Chromium with a remote debugging port (chrome-launcher adds its no-network defaults too).
 * Through its Launcher class, so that a browser that never answers is stopped and its profile removed.
 */
async function launchDebuggableChromium(baseUrl: string): Promise<Launched> {
  const { Launcher } = await import("chrome-launcher");
  const launcher = new Launcher({
    chromePath: chromiumPath(),
    chromeFlags: chromiumFlags(baseUrl),
    handleSIGINT: false,
    logLevel: "silent",
    maxConnectionRetries: 30, // 15 s
  });
  try {
    await launcher.launch();
  } catch (error) {
    launcher.kill();
    throw new Error(`Chromium did not start: ${errorText(error)}`);
  }
  const port = launcher.port;
  if (!port) throw new Error("Chromium started without a debugging port");
  return { port, version: await browserVersion(port), kill: () => launcher.kill() };
}

/** The browser's full version, from its debugging endpoint (the user agent only says "156.0.0.0"). */
async function browserVersion(port: number): Promise<string> {
  try {
    const { Browser } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser?: string };
    return Browser?.replace(/^\D+\//, "") ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Signs in as `role` and puts the session cookies into the browser's default profile, the one Lighthouse
 * opens its tab in (Lighthouse clears caches and storage between runs, not cookies).
 */
async function addSessionCookies(port: number, baseUrl: string, role: JsBytesRole): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const state = await signInState(browser, baseUrl, role);
    const context = browser.contexts()[0];
    if (!context) throw new Error("no default browser context to add the session cookies to");
    await context.addCookies(state.cookies);
  } finally {
    await browser.close(); // disconnects; the browser and its default profile stay
  }
}

/** The flags of every run: performance metrics only, nothing that reaches beyond the server under test. */
function runFlags(port: number): Flags {
  return {
    port,
    logLevel: "error",
    output: "json",
    onlyAudits: METRIC_AUDITS,
    maxWaitForLoad: 30_000,
    disableFullPageScreenshot: true,
  };
}

/** The score and metrics of one Lighthouse result; throws when the run failed or a metric is missing. */
function metricsOf(lhr: Result): PageRun {
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== "number") throw new Error("no performance score in the result");
  const value = (id: string) => {
    const audit = lhr.audits[id];
    if (typeof audit?.numericValue !== "number") throw new Error(`${id}: ${audit?.errorMessage ?? "no value"}`);
    return audit.numericValue;
  };
  return {
    score: Math.round(score * 100),
    fcpMs: value("first-contentful-paint"),
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    speedIndexMs: value("speed-index"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

class RunTimeout extends Error {}

/** Rejects after `ms` (calling `onTimeout` first); the original promise's later failure is swallowed. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new RunTimeout(`the run took longer than ${ms / 1000} s and was stopped`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One Lighthouse run of one URL. */
async function runOnce(lighthouse: LighthouseFn, chrome: Launched, url: string): Promise<PageRun> {
  const result = await withTimeout(lighthouse(url, runFlags(chrome.port)), RUN_TIMEOUT_MS, chrome.kill);
  if (!result) throw new Error("Lighthouse returned no result");
  const landed = new URL(result.lhr.finalDisplayedUrl).pathname;
  if (landed !== new URL(url).pathname) throw new Error(`redirected to ${landed}`);
  return metricsOf(result.lhr);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each figure's median over the runs (rounded: ms to whole numbers, CLS to 3 decimals). */
function medianMetrics(runs: PageRun[]): LighthouseMetrics | null {
  if (!runs.length) return null;
  const of = (pick: (run: PageRun) => number, digits = 0) => Number(median(runs.map(pick)).toFixed(digits));
  return {
    score: of((r) => r.score),
    fcpMs: of((r) => r.fcpMs),
    lcpMs: of((r) => r.lcpMs),
    tbtMs: of((r) => r.tbtMs),
    cls: of((r) => r.cls, 3),
    speedIndexMs: of((r) => r.speedIndexMs),
  };
}

/** Signs in for every role the pages need; a page whose sign-in fails gets that error instead of runs. */
async function prepareRoles(port: number, baseUrl: string, pages: LighthousePage[]): Promise<Map<JsBytesRole, string | null>> {
  const roles = new Map<JsBytesRole, string | null>();
  for (const role of new Set(pages.flatMap((page) => (page.role ? [page.role] : [])))) {
    try {
      await addSessionCookies(port, baseUrl, role);
      roles.set(role, null);
    } catch (error) {
      roles.set(role, `signing in as ${role} failed: ${errorText(error)}`);
    }
  }
  return roles;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
}

/**
 * Runs every page round-robin (run 1 of each page, then run 2, ...) while the next round is expected to
 * fit in the budget, so each page gets at least one run and the whole never overruns by much. A page that
 * fails is not run again; a run that hangs stops everything (the browser is gone), keeping what was measured.
 */
async function runRounds(lighthouse: LighthouseFn, chrome: Launched, schedule: Schedule, blocked: Map<string, string>, started: number) {
  const runs = new Map<string, PageRun[]>(schedule.pages.map((page) => [page.path, []]));
  const errors = new Map<string, string>(blocked);
  let slowestRunMs = 0;
  for (let round = 0; round < schedule.runs; round++) {
    const pending = schedule.pages.filter((page) => !errors.has(page.path));
    if (round > 0 && Date.now() - started + slowestRunMs * pending.length > schedule.budgetMs) {
      schedule.log?.(`lighthouse: stopping after ${round} run(s) per page (time budget ${schedule.budgetMs / 1000} s)`);
      break;
    }
    for (const page of pending) {
      const runStarted = Date.now();
      try {
        const run = await runOnce(lighthouse, chrome, `${schedule.baseUrl}${page.path}`);
        runs.get(page.path)!.push(run);
        schedule.log?.(`lighthouse: ${page.name} run ${round + 1}: score ${run.score}, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms (${((Date.now() - runStarted) / 1000).toFixed(1)} s)`);
      } catch (error) {
        errors.set(page.path, errorText(error));
        schedule.log?.(`lighthouse: ${page.name} failed: ${errorText(error)}`);
        if (error instanceof RunTimeout) return { runs, errors };
      }
      slowestRunMs = Math.max(slowestRunMs, Date.now() - runStarted);
    }
  }
  return { runs, errors };
}

/** Lighthouse figures of `pages` against the server at `baseUrl`; never throws (see LighthouseFigures). */
export async function runLighthouse(options: LighthouseOptions): Promise<LighthouseFigures> {
  const started = Date.now();
  const seconds = () => Number(((Date.now() - started) / 1000).toFixed(1));
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  let chrome: Launched | undefined;
  try {
    await assertServerAnswers(baseUrl);
    const lighthouse = await loadLighthouse();
    chrome = await launchDebuggableChromium(baseUrl);
    const roles = await prepareRoles(chrome.port, baseUrl, options.pages);
    const blocked = new Map<string, string>();
    for (const page of options.pages) {
      const error = page.role ? roles.get(page.role) : null;
      if (error) blocked.set(page.path, error);
    }
    const schedule: Schedule = { baseUrl, pages: options.pages, runs: options.runs ?? 3, budgetMs: options.budgetMs ?? 90_000, log: options.log };
    const { runs, errors } = await runRounds(lighthouse, chrome, schedule, blocked, started);
    const all = [...runs.values()].flat();
    if (!all.length) return { ran: false, reason: [...errors.values()][0] ?? "no page could be measured", seconds: seconds() };
    const pages = options.pages.map((page) => pageResult(page, runs.get(page.path) ?? [], errors.get(page.path)));
    return {
      ran: true,
      lighthouseVersion: all[0]!.lighthouseVersion,
      chromeVersion: chrome.version,
      preset: LIGHTHOUSE_PRESET,
      benchmarkIndex: Math.round(median(all.map((r) => r.benchmarkIndex))),
      seconds: seconds(),
      pages,
    };
  } catch (error) {
    return { ran: false, reason: errorText(error), seconds: seconds() };
  } finally {
    chrome?.kill();
  }
}

function pageResult(page: LighthousePage, runs: PageRun[], error: string | undefined): LighthousePageResult {
  const result: LighthousePageResult = { name: page.name, path: page.path, runs: runs.length, median: medianMetrics(runs), scores: runs.map((r) => r.score) };
  if (error) result.error = error;
  return result;
}
