import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { seedDatabase } from "@/prisma/seed-database";
import type { TestDatabase } from "./test-db";

// Shared by the authorization matrix and the fuzz tests: who is calling, which database the app code
// sees, what the app exposes (found by scanning the source) and a fingerprint of the data to prove
// that a refused call wrote nothing.

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export type PersonaName = "anonymous" | "customerA" | "customerB" | "staff" | "admin" | "deactivated";
// Customer A comes last so that the owner's allowed call (e.g. cancelling) cannot make the others' refusals trivial.
export const PERSONAS: readonly PersonaName[] = ["anonymous", "deactivated", "customerB", "staff", "admin", "customerA"];

/** What the mocked session read and `getDb` return; set by the tests. */
export type Harness = { db: TestDatabase | null; sessionUserId: string | null; cookies: Record<string, string> };
const holder = globalThis as unknown as { atelierHarness?: Harness };
export const harness: Harness = (holder.atelierHarness ??= { db: null, sessionUserId: null, cookies: {} });

export type PersonaIds = Record<Exclude<PersonaName, "anonymous">, string>;

/** Seeds the demo data plus an admin who was deactivated after signing in (their session cookie is still valid). */
export async function seedPersonas(t: TestDatabase): Promise<PersonaIds> {
  await seedDatabase(t.prisma);
  const id = async (email: string) => (await t.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const deactivated = await t.prisma.user.create({
    data: { email: "former-admin@atelier.test", name: "Former Admin", role: "ADMIN", active: false, passwordHash: "x" },
    select: { id: true },
  });
  return {
    customerA: await id("clara@example.com"),
    customerB: await id("dev@example.com"),
    staff: await id("staff@atelier.test"),
    admin: await id("admin@atelier.test"),
    deactivated: deactivated.id,
  };
}

/** Presents `persona`'s session (a JWT that still names their id) to the app code. */
export function actAs(ids: PersonaIds, persona: PersonaName) {
  harness.sessionUserId = persona === "anonymous" ? null : ids[persona];
}

/** The user id the session cookie's JWT would name. */
export function sessionUserId() {
  return harness.sessionUserId;
}

/**
 * The session the cookie's JWT would name (lib/auth/session-token's readSession): the persona's id, with the
 * session version their account has now, as a token issued just now would carry.
 */
export async function sessionClaims(): Promise<{ userId: string; version: number } | null> {
  const userId = harness.sessionUserId;
  if (!userId || !harness.db) return null;
  const row = await harness.db.prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return { userId, version: row?.sessionVersion ?? 0 };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** Every exported function of every file whose first statement is "use server" (keys like `lib/orders/actions.ts#placeOrderAction`). */
export function discoverActions(): { key: string; file: string; name: string }[] {
  const found: { key: string; file: string; name: string }[] = [];
  for (const file of walk(path.join(ROOT, "lib")).concat(walk(path.join(ROOT, "app")))) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const source = readFileSync(file, "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
    const names = new Set<string>();
    for (const m of source.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*(\w+)/gm)) if (m[1]) names.add(m[1]);
    for (const m of source.matchAll(/^export\s+(?:const|let|var)\s+(\w+)/gm)) if (m[1]) names.add(m[1]);
    for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) for (const part of (m[1] ?? "").split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
    if (/^export\s+default/m.test(source)) names.add("default");
    for (const name of names) found.push({ key: `${rel(file)}#${name}`, file, name });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every HTTP method exported by every `app/**\/route.ts` (keys like `app/api/health/route.ts#GET`). */
export function discoverRoutes(): { key: string; file: string; name: string }[] {
  const found: { key: string; file: string; name: string }[] = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    if (!/\/route\.(ts|tsx|js)$/.test(file.split(path.sep).join("/"))) continue;
    const source = readFileSync(file, "utf8");
    const names = new Set<string>();
    for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\s+|const\s+)(\w+)/gm)) if (m[1]) names.add(m[1]);
    for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) for (const part of (m[1] ?? "").split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
    for (const name of names) if ((HTTP_METHODS as readonly string[]).includes(name)) found.push({ key: `${rel(file)}#${name}`, file, name });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** Loads the discovered export itself (not a re-import by hand), so the test calls what the app serves. */
export async function loadExport<T = (...args: unknown[]) => unknown>(file: string, name: string): Promise<T> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const value = mod[name];
  if (typeof value !== "function") throw new Error(`${rel(file)} exports ${name} but it is not a function`);
  return value as T;
}

// Rate-limit counters and sign-in throttles are meant to count refused attempts too, so they are left out of
// "nothing written".
const IGNORED_TABLES = new Set(["_prisma_migrations", "rate_limits", "sign_in_throttles"]);

/** Row count and content hash of every application table: equal fingerprints mean nothing was written. */
export async function fingerprint(t: TestDatabase): Promise<Record<string, string>> {
  const tables = (await t.rawQuery(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  )) as { table_name: string }[];
  const parts = tables
    .filter((r) => !IGNORED_TABLES.has(r.table_name))
    .map((r) => `SELECT '${r.table_name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS hash FROM "${r.table_name}" x`);
  const rows = (await t.rawQuery(parts.join(" UNION ALL "))) as { name: string; hash: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

export type Outcome =
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; url: string }
  | { kind: "notFound" }
  | { kind: "threw"; error: unknown };

/** Runs a server action and turns Next's control-flow errors (redirect, notFound) into outcomes. */
export async function settle(run: () => unknown): Promise<Outcome> {
  try {
    return { kind: "returned", value: await run() };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", url: digest.slice("NEXT_REDIRECT;".length) };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "notFound" };
    return { kind: "threw", error };
  }
}

/** The mock of next/navigation: the same control-flow errors Next throws. */
export const navigationMock = {
  redirect: (url: string): never => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;${url}` });
  },
  permanentRedirect: (url: string): never => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;${url}` });
  },
  notFound: (): never => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
};

/** The mock of next/headers: a request from one test address, with the cookies in `harness.cookies`. */
export const headersMock = {
  headers: async () => new Headers({ host: "localhost:3999", "x-forwarded-for": "203.0.113.7", "user-agent": "vitest" }),
  cookies: async () => ({
    get: (name: string) => (name in harness.cookies ? { name, value: harness.cookies[name] } : undefined),
    getAll: () => Object.entries(harness.cookies).map(([name, value]) => ({ name, value })),
    has: (name: string) => name in harness.cookies,
    set: () => {},
    delete: () => {},
  }),
};

/** A FormData from plain values (strings or files). */
export function form(values: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

/** Reads a route response fully (or cancels a stream) and returns its status and content type. */
export async function drain(response: Response): Promise<{ status: number; type: string }> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("text/event-stream")) await response.body?.cancel();
  else await response.text();
  return { status: response.status, type };
}
