// Starting and stopping a production server (`next start` on a given build folder and database) for the
// benchmarks, and signing in to it over HTTP the way a browser does.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { BENCH_PASSWORD } from "./volume";

export type BenchServer = { base: string; port: number; process: ChildProcess; stop: () => Promise<void> };

export type ServerOptions = { port: number; distDir: string; databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[]; cwd?: string };

/** Starts `next start` (Next's own binary, so signals reach the process that holds the database). */
export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  // A server left running on the port (an interrupted run) would answer in this one's place, with its own database.
  const stale = await fetch(`${base}/api/health`).then(() => true, () => false);
  if (stale) throw new Error(`something already answers on ${base}: stop it first (a server left over from an earlier run?)`);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(options.cwd ?? process.cwd(), "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
    cwd: options.cwd,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, port: options.port, process: child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${base}: ${stderr}`);
}

/**
 * A client address of its own for each bench customer (10.x.y.z from the email), sent as X-Forwarded-For: the
 * sign-in throttle allows 30 attempts per address in 15 minutes, and hundreds of customers signing in from one
 * address are a password spray to it. The bench servers trust one proxy hop (BENCH_SERVER_ENV) for it to count.
 */
export function benchAddress(email: string): string {
  let h = 2166136261;
  for (let i = 0; i < email.length; i++) h = Math.imul(h ^ email.charCodeAt(i), 16777619) >>> 0;
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${1 + (h & 127)}`;
}

/** What every bench server needs besides its database: the bench routes, a fixed action key, one trusted proxy hop (see benchAddress). */
export const BENCH_SERVER_ENV = {
  ATELIER_BENCH_ROUTES: "1",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.from("atelier-benchmark-action-key-32b").toString("base64"),
  TRUSTED_PROXY_HOPS: "1",
};

/**
 * Signs in through next-auth's credentials flow (csrf token, then the callback) and returns the Cookie header;
 * `address` is sent as X-Forwarded-For (counted as the client's on a server trusting one proxy hop).
 */
export async function signIn(base: string, email: string, password: string, address?: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) =>
    res.headers.getSetCookie().forEach((line) => {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    });
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const forwarded: Record<string, string> = address ? { "X-Forwarded-For": address } : {};
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: forwarded });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie(), ...forwarded },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie();
}

/**
 * Signs the bench customers in (each from its own address, benchAddress), four at a time (one after the other 240 sign-ins took 9 s, side by side about
 * 6 s), and returns their Cookie headers in the order of `emails`.
 */
export async function signInCustomers(base: string, emails: string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < emails.length; i += 4) cookies.push(...(await Promise.all(emails.slice(i, i + 4).map((email) => signIn(base, email, BENCH_PASSWORD, benchAddress(email))))));
  return cookies;
}

/** GETs a page until it answers 200 (the first request of a cached page renders it), and returns its HTML. */
export async function warm(base: string, pathname: string, cookie?: string, times = 3): Promise<string> {
  let html = "";
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${base}${pathname}`, { headers: cookie ? { Cookie: cookie } : {} });
    html = await res.text();
    if (res.status !== 200) throw new Error(`GET ${pathname}: ${res.status}`);
    await new Promise((resolve) => setTimeout(resolve, i === 0 ? 1200 : 100)); // let a cached page regenerate
  }
  return html;
}
