import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadCheckout } from "@/lib/orders/checkout";
import { placeOrder } from "@/lib/orders/place-order";
import { ORDER_STAGES } from "@/lib/orders/status";
import { WEEKDAY_FIELDS } from "@/lib/workshop/schema";
import {
  actAs,
  discoverActions,
  discoverRoutes,
  drain,
  fingerprint,
  harness,
  headersMock,
  loadExport,
  seedPersonas,
  settle,
  type PersonaIds,
  type PersonaName,
} from "./helpers/personas";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Generated hostile input against every server action (as FormData and bound arguments) and every
// route handler (as params and query strings): no unhandled error, no 500, nothing written on a
// refusal, and a message or field errors for the form to show.
vi.mock("@/lib/auth/session-token", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/session-token")>();
  const { sessionClaims } = await import("./helpers/personas");
  return { ...actual, readSession: sessionClaims };
});
vi.mock("@/lib/db", async () => {
  const { harness: h } = await import("./helpers/personas");
  const db = () => h.db ?? (() => { throw new Error("no test database"); })();
  return { getDb: async () => db().prisma, getDatabase: async () => db() };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/navigation", async () => (await import("./helpers/personas")).navigationMock);
vi.mock("next/headers", async () => (await import("./helpers/personas")).headersMock);
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
Object.assign(nextHeaders, { headers: headersMock.headers, cookies: headersMock.cookies });

const ACTION_RUNS = 40;
const ROUTE_RUNS = 30;

let t: TestDatabase;
let ids: PersonaIds;
// Real identifiers mixed into the generated values, so some cases get past parsing into the services.
const real = { numbers: [] as string[], productIds: [] as string[], userIds: [] as string[], definition: "{}" };

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const utf8 = (text: string) => new TextEncoder().encode(text);

const deepArray = fc.integer({ min: 1, max: 5000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth));
const deepCondition = fc.integer({ min: 1, max: 5000 }).map((depth) => '{"not":'.repeat(depth) + '{"selected":{"group":"g","option":"o"}}' + "}".repeat(depth));
const deepDefinition = deepCondition.map((condition) => {
  const definition = JSON.parse(real.definition) as { rules?: unknown[] };
  const text = JSON.stringify({ ...definition, rules: [...(definition.rules ?? []), { id: "deep", kind: "excludes", when: "__C__", message: "deep" }] });
  return text.replace('"__C__"', condition);
});
const mutatedDefinition = fc.tuple(fc.nat(), fc.anything({ maxDepth: 2 })).map(([at, value]) => {
  const definition = JSON.parse(real.definition) as Record<string, unknown>;
  const keys = Object.keys(definition);
  const key = keys[at % Math.max(1, keys.length)] ?? "groups";
  return JSON.stringify({ ...definition, [key]: value }) ?? "{}";
});
const shareCode = fc.oneof(
  fc.uint8Array({ maxLength: 120 }).map((bytes) => `v1.${base64url(bytes)}`),
  fc.json({ maxDepth: 3 }).map((json) => `v1.${base64url(utf8(json))}`),
  fc.constantFrom("v1.", "v2.e30", "v1.%%%", "v1.e30", "v1.W10", "v1.bnVsbA", "v1.A", "v99999999999999999999.x", "v1." + "A".repeat(16_001)),
);
const numeric = fc.oneof(
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.double().map(String),
  fc.constantFrom("NaN", "-1", "-0", "0", "0.5", "1e308", "-1e308", "1e-308", "Infinity", "-Infinity", "9007199254740993", "2147483648", "0x1F", "1_000", " 42 ", "4e2", "", "1,5"),
);
const odd = fc.constantFrom(
  "", " ", "null", "undefined", "true", "false", "on", "[]", "{}", "__proto__", "constructor", "toString", "<script>alert(1)</script>",
  "' OR 1=1 --", "\u0000", "a\u0000b", "\u202e", "\ud800", "😀😀😀", "Ω≈ç√∫", "ADMIN", "STAFF", "CUSTOMER", "AT-2026-000001", "AT-0000-000000",
  "2026-W53", "2025-W53", "9999-W01", "0000-W00", "2031-W05", "../../etc/passwd", "data:image/png;base64,AAAA", "javascript:alert(1)",
);
const huge = fc.constantFrom("x".repeat(100_001), "é".repeat(70_000), "😀".repeat(30_000), "9".repeat(5_000));
const realValue = fc.oneof(
  fc.constant(null).chain(() => fc.constantFrom(...real.numbers)),
  fc.constant(null).chain(() => fc.constantFrom(...real.productIds, ...real.userIds)),
  fc.constantFrom(...ORDER_STAGES),
);

/** One hostile text value. */
const nasty: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
  { arbitrary: numeric, weight: 3 },
  { arbitrary: odd, weight: 3 },
  { arbitrary: huge, weight: 1 },
  { arbitrary: fc.json({ maxDepth: 4 }), weight: 1 },
  { arbitrary: deepArray, weight: 1 },
  { arbitrary: shareCode, weight: 1 },
  { arbitrary: realValue, weight: 2 },
);
const file = fc
  .tuple(fc.uint8Array({ maxLength: 64 }), fc.constantFrom("image/png", "image/svg+xml", "text/html", "application/octet-stream", ""), fc.string({ maxLength: 20 }))
  .map(([bytes, type, name]) => new File([bytes], name || "upload", { type }));
/** A form field's value: mostly text, sometimes a file where text is expected. */
const fieldValue: fc.Arbitrary<string | File> = fc.oneof({ arbitrary: nasty, weight: 12 }, { arbitrary: file, weight: 1 });
/** A bound argument: any serializable value a client could send, not only the string the type says. */
const boundValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: nasty, weight: 6 }, { arbitrary: fc.anything({ maxDepth: 2 }), weight: 2 }, { arbitrary: fc.constantFrom(null, undefined, 0, -1, 1e308, NaN, [], {}), weight: 1 });

function formArbitrary(fields: readonly string[], special: Record<string, fc.Arbitrary<string>> = {}) {
  const known = fc.record(Object.fromEntries(fields.map((f) => [f, special[f] ? fc.oneof(special[f], fieldValue) : fieldValue])), { requiredKeys: [] });
  const unknown = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "address.", "role", "active", "customerId")), fieldValue, { maxKeys: 3 });
  const repeated = fc.array(fc.tuple(fc.constantFrom(...(fields.length ? fields : ["x"])), fieldValue), { maxLength: 2 });
  // Entries rather than a FormData, so a counterexample prints what was sent.
  return fc.tuple(known, unknown, repeated).map(([k, u, r]): Entry[] => [
    ...Object.entries(k).filter((e): e is Entry => e[1] !== undefined),
    ...Object.entries(u),
    ...r,
  ]);
}

type Entry = [string, string | File];
/** Dates, real and not ("2031-02-30", year 0, year 10000). */
const isoDayish = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
function toFormData(entries: Entry[]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

type FuzzRow = { as: PersonaName; bound: number; form: fc.Arbitrary<Entry[]> | null };
const ADDRESS = ["address.name", "address.line1", "address.line2", "address.city", "address.postalCode", "address.country"];
const PRODUCT_FIELDS = ["name", "slug", "summary", "description", "imageUrl", "image", "keepImage"];

/** One row per server action: who calls it (the persona that gets furthest), its bound arguments and its form. */
const FUZZ: Record<string, FuzzRow> = {
  "lib/orders/actions.ts#placeOrderAction": {
    as: "customerA",
    bound: 0,
    form: formArbitrary(["slug", "configuration", "quantity", "idempotencyKey", "expectedVersionId", "expectedTotalCents", "notes", ...ADDRESS], {
      configuration: shareCode,
      idempotencyKey: fc.uuid().map(String),
      slug: fc.constantFrom("linden-sofa", "tempo-bicycle", "vela-roadster"),
    }),
  },
  "lib/orders/actions.ts#cancelOrderAction": { as: "customerA", bound: 2, form: formArbitrary(["reason"]) },
  "lib/messages/actions.ts#sendMessageAction": { as: "customerA", bound: 1, form: formArbitrary(["body"]) },
  "lib/customers/actions.ts#saveAddressAction": { as: "customerA", bound: 1, form: formArbitrary(["name", "line1", "line2", "postalCode", "city", "country", "phone"]) },
  "lib/customers/actions.ts#deleteAddressAction": { as: "customerA", bound: 1, form: formArbitrary([]) },
  "lib/designs/actions.ts#saveDesignAction": {
    as: "customerA",
    bound: 0,
    form: formArbitrary(["slug", "configuration", "quantity", "name"], { configuration: shareCode, slug: fc.constantFrom("linden-sofa", "tempo-bicycle", "vela-roadster") }),
  },
  "lib/designs/actions.ts#renameDesignAction": { as: "customerA", bound: 1, form: formArbitrary(["name"]) },
  "lib/designs/actions.ts#deleteDesignAction": { as: "customerA", bound: 1, form: formArbitrary([]) },
  "lib/orders/staff-actions.ts#transitionOrderAction": {
    as: "staff",
    bound: 0,
    form: formArbitrary(["number", "to", "expected", "note", "reason", "carrier", "trackingNumber"], {
      number: fc.constant(null).chain(() => fc.constantFrom(...real.numbers)),
      to: fc.constantFrom(...ORDER_STAGES),
      expected: fc.constantFrom(...ORDER_STAGES),
    }),
  },
  "lib/users/actions.ts#signUpAction": { as: "anonymous", bound: 0, form: formArbitrary(["name", "email", "password", "confirmPassword"]) },
  "lib/catalog/editor/actions.ts#createProductAction": { as: "admin", bound: 0, form: formArbitrary(PRODUCT_FIELDS) },
  "lib/catalog/editor/actions.ts#updateProductAction": { as: "admin", bound: 1, form: formArbitrary(PRODUCT_FIELDS) },
  "lib/catalog/editor/actions.ts#saveDraftAction": {
    as: "admin",
    bound: 1,
    form: formArbitrary(["definition"], { definition: fc.oneof(deepDefinition, mutatedDefinition, deepArray, fc.json({ maxDepth: 5 })) }),
  },
  "lib/catalog/editor/actions.ts#discardDraftAction": { as: "admin", bound: 1, form: null },
  "lib/catalog/editor/actions.ts#publishAction": { as: "admin", bound: 0, form: formArbitrary(["productId", "note", "acknowledgeWarnings", "revision", "acceptTestResults"]) },
  "lib/catalog/versions/actions.ts#startDraftFromVersionAction": { as: "admin", bound: 1, form: formArbitrary(["version", "replace"], { version: numeric, replace: fc.constantFrom("on", "", "off") }) },
  "lib/catalog/versions/actions.ts#cloneProductAction": { as: "admin", bound: 1, form: formArbitrary(["name", "slug"]) },
  "lib/catalog/versions/actions.ts#changeProductStatusAction": {
    as: "admin",
    bound: 1,
    form: formArbitrary(["change"], { change: fc.constantFrom("unpublish", "republish", "archive", "unarchive", "delete", "") }),
  },
  "lib/catalog/versions/actions.ts#createTestCaseAction": {
    as: "admin",
    bound: 1,
    form: formArbitrary(["name", "selection", "quantity"], { selection: fc.oneof(fc.json({ maxDepth: 4 }), deepArray, fc.constant('{"wood":"oak"}')), quantity: numeric }),
  },
  "lib/catalog/versions/actions.ts#updateTestCaseAction": {
    as: "admin",
    bound: 1,
    form: formArbitrary(["id", "name", "expectValid", "expectPrice", "expectLeadDays", "compareOperations"], { expectValid: fc.constantFrom("valid", "invalid", "yes"), expectPrice: numeric, expectLeadDays: numeric }),
  },
  "lib/catalog/versions/actions.ts#deleteTestCaseAction": { as: "admin", bound: 1, form: formArbitrary(["id"]) },
  "lib/orders/change-actions.ts#confirmChangeAction": {
    as: "customerA",
    bound: 0,
    form: formArbitrary(["number", "configuration", "quantity", "idempotencyKey", "expectedOrderVersion", "expectedTotalCents", "reason"], {
      number: fc.constant(null).chain(() => fc.constantFrom(...real.numbers)),
      configuration: shareCode,
      idempotencyKey: fc.uuid().map(String),
      quantity: numeric,
      expectedOrderVersion: numeric,
      expectedTotalCents: numeric,
    }),
  },
  "lib/orders/change-actions.ts#decideChangeRequestAction": {
    as: "staff",
    bound: 0,
    form: formArbitrary(["requestId", "decision", "fee", "promisedDate", "note"], { decision: fc.constantFrom("approve", "decline", "APPROVE", ""), fee: numeric, promisedDate: isoDayish }),
  },
  "lib/settings/change-policy-actions.ts#updateChangePolicyAction": {
    as: "admin",
    bound: 0,
    form: formArbitrary(["changeDirectUntil", "changeRequestUntil"], { changeDirectUntil: fc.constantFrom(...ORDER_STAGES), changeRequestUntil: fc.constantFrom(...ORDER_STAGES) }),
  },
  "lib/settings/actions.ts#updateSettingsAction": {
    as: "admin",
    bound: 0,
    form: formArbitrary(["companyName", "currency", "shippingDays"], { shippingDays: numeric, currency: fc.constantFrom("EUR", "USD", "XXX", "eur", "EURO", "") }),
  },
  "lib/settings/actions.ts#changeCurrencyAction": {
    as: "admin",
    bound: 0,
    form: formArbitrary(["currency", "rate"], { rate: numeric, currency: fc.constantFrom("EUR", "USD", "JPY", "XXX", "jpy", "") }),
  },
  "lib/workshop/actions.ts#createWorkCentreAction": { as: "staff", bound: 0, form: formArbitrary(["id", "name", ...WEEKDAY_FIELDS], Object.fromEntries(WEEKDAY_FIELDS.map((f) => [f, numeric]))) },
  "lib/workshop/actions.ts#updateWorkCentreAction": {
    as: "staff",
    bound: 0,
    form: formArbitrary(["id", "name", ...WEEKDAY_FIELDS], { id: fc.constantFrom("workshop", "nope", ""), ...Object.fromEntries(WEEKDAY_FIELDS.map((f) => [f, numeric])) }),
  },
  "lib/workshop/actions.ts#setWorkCentreActiveAction": { as: "staff", bound: 0, form: formArbitrary(["id", "active"], { active: fc.constantFrom("true", "false", "yes", "") }) },
  "lib/workshop/actions.ts#setCalendarExceptionAction": {
    as: "staff",
    bound: 0,
    form: formArbitrary(["centre", "day", "hours", "note"], { centre: fc.constantFrom("workshop", "nope"), hours: numeric, day: isoDayish }),
  },
  "lib/workshop/actions.ts#removeCalendarExceptionAction": { as: "staff", bound: 0, form: formArbitrary(["centre", "day"], { centre: fc.constantFrom("workshop", "nope"), day: isoDayish }) },
  "lib/workshop/actions.ts#addShopClosureAction": { as: "staff", bound: 0, form: formArbitrary(["name", "firstDay", "lastDay"], { firstDay: isoDayish, lastDay: isoDayish }) },
  "lib/workshop/actions.ts#removeShopClosureAction": { as: "staff", bound: 0, form: formArbitrary(["id"]) },
  "lib/production/floor-actions.ts#startOperationAction": { as: "staff", bound: 0, form: formArbitrary(["operation"]) },
  "lib/production/floor-actions.ts#finishOperationAction": { as: "staff", bound: 0, form: formArbitrary(["operation", "actualHours"], { actualHours: numeric }) },
  "lib/production/floor-actions.ts#repromiseAction": {
    as: "staff",
    bound: 0,
    form: formArbitrary(["number", "date", "note"], { number: fc.constantFrom("AT-2026-000004", "AT-2026-999999", "../x", ""), date: isoDayish }),
  },
  "lib/users/manage-actions.ts#changeRoleAction": { as: "admin", bound: 0, form: formArbitrary(["userId", "role"]) },
  "lib/users/manage-actions.ts#setUserActiveAction": { as: "admin", bound: 0, form: formArbitrary(["userId", "active"]) },
  "lib/users/manage-actions.ts#inviteUserAction": { as: "admin", bound: 0, form: formArbitrary(["name", "email", "role"], { role: fc.constantFrom("CUSTOMER", "STAFF", "ADMIN", "OWNER", "") }) },
  "lib/users/manage-actions.ts#resendInviteAction": { as: "admin", bound: 0, form: formArbitrary(["userId"]) },
  "lib/users/token-actions.ts#requestPasswordResetAction": { as: "anonymous", bound: 0, form: formArbitrary(["email"], { email: fc.constantFrom("clara@example.com", "nobody@example.com", " CLARA@example.com ") }) },
  "lib/users/token-actions.ts#setPasswordAction": {
    as: "anonymous",
    bound: 0,
    form: formArbitrary(["token", "purpose", "password", "confirmPassword"], {
      token: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.constantFrom("A".repeat(43), "%E0%A4%A", "a\u0000b", "x".repeat(5000))),
      purpose: fc.constantFrom("RESET", "INVITE", "ADMIN", ""),
      password: fc.constantFrom("copper-kettle-harbour-91", "password12", "short"),
    }),
  },
};

const caller = (main: PersonaName) => fc.oneof({ arbitrary: fc.constant(main), weight: 5 }, { arbitrary: fc.constantFrom<PersonaName>("anonymous", "customerB", "deactivated"), weight: 1 });

const discoveredActions = discoverActions();
const discoveredRoutes = discoverRoutes();
const counts: Record<string, number> = {};
const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
const warnLog = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  t = await createTestDatabase();
  harness.db = t;
  ids = await seedPersonas(t);
  real.numbers = (await t.prisma.order.findMany({ select: { number: true } })).map((o) => o.number);
  real.productIds = (await t.prisma.product.findMany({ select: { id: true } })).map((p) => p.id);
  real.userIds = (await t.prisma.user.findMany({ select: { id: true } })).map((u) => u.id);
  const product = await t.prisma.product.findFirstOrThrow({ select: { currentVersion: { select: { definition: true } } } });
  real.definition = JSON.stringify(product.currentVersion?.definition ?? {});
});
afterAll(async () => {
  errorLog.mockRestore();
  warnLog.mockRestore();
  console.info(`fuzz cases: ${JSON.stringify(counts)}`);
  harness.db = null;
  await t?.drop();
});
afterEach(() => {
  harness.sessionUserId = null;
});

/** What a form shows: a non-empty message or at least one field error. */
function explains(value: unknown): boolean {
  const state = value as { message?: unknown; errors?: Record<string, unknown> } | null;
  if (typeof state?.message === "string" && state.message.trim().length > 0) return true;
  return Object.values(state?.errors ?? {}).some((list) => Array.isArray(list) && list.some((m) => typeof m === "string" && m.length > 0));
}

describe("fuzzing covers the whole app", () => {
  it("has a fuzz row for every server action and a case list for every route handler", () => {
    expect(discoveredActions.map((a) => a.key).filter((k) => !(k in FUZZ))).toEqual([]);
    expect(discoveredRoutes.map((r) => r.key).filter((k) => !(k in ROUTES))).toEqual([]);
  });
});

describe.each(Object.entries(FUZZ))("fuzzing action %s", (key, row) => {
  it(`survives ${ACTION_RUNS} generated payloads`, async () => {
    const found = discoveredActions.find((a) => a.key === key);
    if (!found) throw new Error(`${key} not found`);
    const action = await loadExport(found.file, found.name);
    const payload = fc.record({ persona: caller(row.as), bound: fc.array(boundValue, { minLength: row.bound, maxLength: row.bound }), form: row.form ?? fc.constant(null) });
    await fc.assert(
      fc.asyncProperty(payload, async ({ persona, bound, form }) => {
        counts[key] = (counts[key] ?? 0) + 1;
        actAs(ids, persona);
        errorLog.mockClear();
        const before = await fingerprint(t);
        const outcome = await settle(() => (form ? action(...bound, {}, toFormData(form)) : action(...bound, {})));
        if (outcome.kind === "threw") throw new Error(`unhandled: ${String(outcome.error)}`);
        // An action that logs an error hit its "something went wrong on our side" branch: bad input must not get there.
        expect(errorLog.mock.calls.map((c) => c.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" ").slice(0, 400))).toEqual([]);
        if (outcome.kind === "redirect" || (outcome.kind === "returned" && (outcome.value as { ok?: boolean } | null)?.ok === true)) return;
        expect(outcome.kind).toBe("returned");
        expect(explains(outcome.kind === "returned" ? outcome.value : null)).toBe(true);
        expect(await fingerprint(t)).toEqual(before);
      }),
      { numRuns: ACTION_RUNS, seed: Number(process.env.FUZZ_SEED ?? 8) },
    );
  });
});

const request = (url: string, init?: ConstructorParameters<typeof NextRequest>[1]) => new NextRequest(new URL(url, "http://localhost:3999"), init);
const queryString = fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("callbackUrl", "error", "q", "page", "format", "week")), nasty, { maxKeys: 4 }).map((q) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) params.append(k, v.slice(0, 4000));
  return params.toString();
});
type RouteCase = { persona: PersonaName; query: string; segment: string; body: string; type: string };
const routeCase: fc.Arbitrary<RouteCase> = fc.record({
  persona: fc.constantFrom<PersonaName>("anonymous", "deactivated", "customerA", "customerB", "staff", "admin"),
  query: queryString,
  segment: fc.oneof(nasty, fc.constantFrom("providers", "session", "csrf", "signin", "signout", "callback", "error", "_log")),
  body: fc.oneof(queryString, fc.json({ maxDepth: 3 }), nasty),
  type: fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data"),
});

/** How each route export is called with a generated case. */
const ROUTES: Record<string, (fn: (...args: unknown[]) => unknown, c: RouteCase) => unknown> = {
  "app/(auth)/signup/confirm/route.ts#GET": (fn, c) => fn(request(`/signup/confirm?${c.query}&token=${encodeURIComponent(c.segment)}`)),
  "app/(shop)/share/[slug]/image/route.tsx#GET": (fn, c) =>
    fn(request(`/share/x/image?${c.query}`), { params: Promise.resolve({ slug: c.segment.length % 2 ? "linden-sofa" : c.segment }) }),
  "app/admin/audit.csv/route.ts#GET": (fn, c) => fn(request(`/admin/audit.csv?${c.query}`)),
  "app/admin/orders.csv/route.ts#GET": (fn, c) => fn(request(`/admin/orders.csv?${c.query}`)),
  "app/api/auth/[...nextauth]/route.ts#GET": (fn, c) => fn(request(`/api/auth/x?${c.query}`), { params: Promise.resolve({ nextauth: [c.segment, c.segment] }) }),
  "app/api/auth/[...nextauth]/route.ts#POST": (fn, c) =>
    fn(request(`/api/auth/x?${c.query}`, { method: "POST", body: c.body, headers: { "content-type": c.type } }), {
      params: Promise.resolve({ nextauth: [c.segment, "credentials"] }),
    }),
  "app/api/bench/insert/route.ts#POST": (fn, c) => fn(request(`/api/bench/insert?${c.query}`, { method: "POST", body: c.body })),
  "app/api/delivery-context/route.ts#GET": (fn, c) => fn(request(`/api/delivery-context?${c.query}`)),
  "app/api/health/route.ts#GET": (fn, c) => fn(request(`/api/health?${c.query}`)),
  "app/api/orders/[number]/events/route.ts#GET": (fn, c) => fn(request(`/api/orders/x/events?${c.query}`), { params: Promise.resolve({ number: c.segment }) }),
  "app/api/staff/events/route.ts#GET": (fn, c) => fn(request(`/api/staff/events?${c.query}`)),
  "app/api/staff/materials/route.ts#GET": (fn, c) => fn(request(`/api/staff/materials?${c.query}`)),
};

describe.each(Object.entries(ROUTES))("fuzzing route %s", (key, call) => {
  it(`answers ${ROUTE_RUNS} generated requests without a 500`, async () => {
    const found = discoveredRoutes.find((r) => r.key === key);
    if (!found) throw new Error(`${key} not found`);
    const handler = await loadExport(found.file, found.name);
    await fc.assert(
      fc.asyncProperty(routeCase, async (c) => {
        counts[key] = (counts[key] ?? 0) + 1;
        actAs(ids, c.persona);
        harness.cookies = {};
        const outcome = await settle(() => call(handler, c));
        if (outcome.kind !== "returned") throw new Error(`unhandled: ${outcome.kind === "threw" ? String(outcome.error) : outcome.kind}`);
        const { status } = await drain(outcome.value as Response);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: ROUTE_RUNS, seed: Number(process.env.FUZZ_SEED ?? 8) },
    );
  });
});

// The cases the fuzzer found, kept as fixed examples so they stay fixed whatever the seed.
describe("regressions found by fuzzing", () => {
  const nul = "Oak\u0000desk";
  /** A fresh PLACED order of customer A, so a transition or cancellation gets as far as the database. */
  async function placedOrderOfA(): Promise<string> {
    const checkout = await loadCheckout(t.prisma, "linden-sofa", undefined, 1);
    if (!checkout.ok) throw new Error(checkout.message);
    const result = await placeOrder(t.prisma, {
      customer: { id: ids.customerA, name: "Clara", email: "clara@example.com" },
      slug: "linden-sofa",
      selection: checkout.selection,
      quantity: 1,
      idempotencyKey: randomUUID(),
      shippingAddress: { name: "Clara", line1: "1 Rue", line2: "", city: "Lyon", postalCode: "69001", country: "FR" },
      notes: "",
      expected: { versionId: checkout.version.id, totalCents: checkout.evaluation.totalCents },
    });
    if (!result.ok) throw new Error(result.message);
    return result.number;
  }
  const withEscapedNul = (json: string) => {
    if (!json.includes('"label":"')) throw new Error("the demo definition has no label to spoil");
    return json.replace('"label":"', '"label":"\\u0000');
  };
  type Case = [name: string, persona: PersonaName, run: (placedNumber: string) => Promise<unknown>, needsOrder?: boolean];
  const products = () => import("@/lib/catalog/editor/actions");
  const cases: Case[] = [
    ["createProductAction", "admin", async () => (await products()).createProductAction({}, toFormData([["name", nul], ["slug", "nul-desk"]]))],
    ["saveDraftAction", "admin", async () => (await products()).saveDraftAction(real.productIds[0] ?? "", {}, toFormData([["definition", withEscapedNul(real.definition)]]))],
    ["publishAction", "admin", async () => (await products()).publishAction({}, toFormData([["productId", "\u0000"]]))],
    [
      "updateSettingsAction",
      "admin",
      async () => (await import("@/lib/settings/actions")).updateSettingsAction({}, toFormData([["companyName", nul], ["currency", "EUR"], ["shippingDays", "5"]])),
    ],
    [
      "signUpAction",
      "anonymous",
      async () =>
        (await import("@/lib/users/actions")).signUpAction({}, toFormData([["name", nul], ["email", "nul@example.com"], ["password", "plane-tree-4821"], ["confirmPassword", "plane-tree-4821"]])),
    ],
    [
      "transitionOrderAction",
      "staff",
      async (number) => (await import("@/lib/orders/staff-actions")).transitionOrderAction({}, toFormData([["number", number], ["to", "CONFIRMED"], ["expected", "PLACED"], ["note", nul]])),
      true,
    ],
    ["cancelOrderAction", "customerA", async (number) => (await import("@/lib/orders/actions")).cancelOrderAction(number, "PLACED", {}, toFormData([["reason", nul]])), true],
    ["sendMessageAction", "customerA", async (number) => (await import("@/lib/messages/actions")).sendMessageAction(number, {}, toFormData([["body", nul]])), true],
  ];
  it.each(cases)("%s refuses a NUL character or a bad id with a message, writing nothing", async (_name, persona, run, needsOrder) => {
    const number = needsOrder ? await placedOrderOfA() : "";
    actAs(ids, persona);
    errorLog.mockClear();
    const before = await fingerprint(t);
    const outcome = await settle(() => run(number));
    expect(outcome.kind).toBe("returned");
    expect(errorLog).not.toHaveBeenCalled();
    expect(explains(outcome.kind === "returned" ? outcome.value : null)).toBe(true);
    expect((outcome.kind === "returned" ? outcome.value : null) as { ok?: boolean }).not.toMatchObject({ ok: true });
    expect(await fingerprint(t)).toEqual(before);
  });

  it("the sign-in route answers a malformed callback URL, body or path with 400/404, not 500", async () => {
    const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
    const params = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
    expect((await GET(request("/api/auth/providers?callbackUrl=PLACED"), params("providers"))).status).toBe(400);
    const form = { method: "POST", body: "callbackUrl=+", headers: { "content-type": "application/x-www-form-urlencoded" } };
    expect((await POST(request("/api/auth/callback/credentials", form), params("callback", "credentials"))).status).toBe(400);
    const json = { method: "POST", body: "{not json", headers: { "content-type": "application/json" } };
    expect((await POST(request("/api/auth/callback/credentials", json), params("callback", "credentials"))).status).toBe(400);
    expect((await GET(request("/api/auth/"), params(""))).status).toBe(404);
  });
});
