import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveDraft } from "@/lib/catalog/editor/draft";
import { encodeSelection, evaluate, type Definition, type Selection } from "@/lib/configurator";
import { loadCheckout } from "@/lib/orders/checkout";
import { findCustomerOrders, getCustomerOrder } from "@/lib/orders/queries";
import { ORDER_STAGES } from "@/lib/orders/status";
import { hashPassword } from "@/lib/users/password";
import { hashToken, newToken } from "@/lib/users/tokens";
import { demoUsers } from "@/prisma/seed-database";
import {
  actAs,
  discoverActions,
  discoverRoutes,
  drain,
  fingerprint,
  form,
  harness,
  headersMock,
  loadExport,
  PERSONAS,
  seedPersonas,
  settle,
  type Outcome,
  type PersonaIds,
  type PersonaName,
} from "./helpers/personas";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Every server action and route handler, called as every persona: only the mocked session read and
// the database handle are swapped; the real guards (role and active flag re-read from the DB) run.
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

// next-auth's route handler require()s next/headers itself (CommonJS, outside vi.mock's reach).
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
Object.assign(nextHeaders, { headers: headersMock.headers, cookies: headersMock.cookies });

type Ctx = {
  t: TestDatabase;
  ids: PersonaIds;
  orderA: { placed: string; delivered: string };
  confirmedB: string;
  products: Record<string, string>;
  targetUserId: string;
};

type Verdict = "allow" | "deny";
type ActionRow = {
  allow: readonly PersonaName[];
  setup?: (ctx: Ctx) => Promise<void>;
  call: (fn: (...args: unknown[]) => unknown, ctx: Ctx, persona: PersonaName) => unknown;
};
type RouteRow = ActionRow & { call: (fn: (...args: unknown[]) => unknown, ctx: Ctx, persona: PersonaName) => Promise<Response> };

const ALL: readonly PersonaName[] = PERSONAS;
const SIGNED_IN: readonly PersonaName[] = ["customerA", "customerB", "staff", "admin"];
const STAFF: readonly PersonaName[] = ["staff", "admin"];
const ADMIN: readonly PersonaName[] = ["admin"];

/** An action's outcome as allow or deny: success is `ok: true` or a redirect onward (not to sign-in or forbidden). */
function actionVerdict(outcome: Outcome): Verdict | "error" {
  if (outcome.kind === "threw") return "error";
  if (outcome.kind === "notFound") return "deny";
  if (outcome.kind === "redirect") return /^\/(login|forbidden)\b/.test(outcome.url) ? "deny" : "allow";
  const value = outcome.value as { ok?: boolean; message?: string } | null;
  if (value?.ok === true) return "allow";
  return typeof value?.message === "string" && value.message.length > 0 ? "deny" : "error";
}

function routeVerdict(status: number): Verdict | "error" {
  if (status >= 200 && status < 400) return "allow";
  if ([401, 403, 404].includes(status)) return "deny";
  return "error";
}

const request = (url: string, init?: RequestInit) => new NextRequest(new URL(url, "http://localhost:3999"), init as ConstructorParameters<typeof NextRequest>[1]);
const nextStage = (status: string) => ORDER_STAGES[ORDER_STAGES.indexOf(status as (typeof ORDER_STAGES)[number]) + 1] ?? "DELIVERED";
const orderStatus = async (ctx: Ctx, number: string) => (await ctx.t.prisma.order.findUniqueOrThrow({ where: { number }, select: { status: true } })).status;

/**
 * An operation staff may act on now: a running one (to finish), or a pending one whose earlier operations are done,
 * of an order confirmed or in production (to start).
 */
async function operationIn(ctx: Ctx, status: "RUNNING" | "PENDING"): Promise<string> {
  const [row] = await ctx.t.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT x.id FROM order_operations x JOIN orders o ON o.id = x.order_id
      WHERE x.status = $1::"OperationStatus" AND o.status IN ('CONFIRMED', 'IN_PRODUCTION')
        AND NOT EXISTS (SELECT 1 FROM order_operations p WHERE p.order_id = x.order_id AND p.seq < x.seq AND p.status <> 'DONE')
      ORDER BY o.number, x.seq LIMIT 1`,
    status,
  );
  // Once the allowed personas have used them all up, a denied persona (last in the list) is refused on any operation.
  return row?.id ?? (await ctx.t.prisma.orderOperation.findFirstOrThrow({ select: { id: true } })).id;
}

async function checkoutForm(ctx: Ctx, slug: string) {
  const checkout = await loadCheckout(ctx.t.prisma, slug, undefined, 1);
  if (!checkout.ok) throw new Error(checkout.message);
  return form({
    slug,
    configuration: encodeSelection(checkout.selection),
    quantity: "1",
    idempotencyKey: randomUUID(),
    expectedVersionId: checkout.version.id,
    expectedTotalCents: String(checkout.evaluation.totalCents),
    notes: "",
    "address.name": "Matrix Tester",
    "address.line1": "1 Test Street",
    "address.line2": "",
    "address.city": "Lyon",
    "address.postalCode": "69001",
    "address.country": "FR",
  });
}

async function draftOf(ctx: Ctx, slug: string) {
  const productId = ctx.products[slug] ?? "";
  const product = await ctx.t.prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { currentVersion: { select: { definition: true } } } });
  return { productId, definition: product.currentVersion?.definition };
}

/** One reset link per persona, each of its own user (setting a password spends every other link of that user). */
const resetTokens: Partial<Record<PersonaName, string>> = {};
const invitedUser = { id: "" };
const NEW_PASSWORD = "matrix-copper-harbour-42";

const weekdayForm = (hours: number) => Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((i) => [`hours${i}`, String(i < 5 ? hours : 0)]));

/** Customer A's saved address and design, made by the rows' setup for the rename and delete calls. */
const ownedByA = { address: "", design: "" };
const MATRIX_ADDRESS = { name: "Matrix Tester", line1: "1 Test Street", line2: "", postalCode: "69001", city: "Lyon", country: "FR", phone: "" };
async function designOfA(ctx: Ctx): Promise<string> {
  const product = await ctx.t.prisma.product.findUniqueOrThrow({ where: { slug: "linden-sofa" }, select: { id: true, currentVersionId: true } });
  const design = await ctx.t.prisma.savedDesign.create({
    data: { customerId: ctx.ids.customerA, productId: product.id, versionId: product.currentVersionId!, name: "A's design", selection: {}, choices: [], quantity: 1, totalCents: 100, currency: "EUR" },
    select: { id: true },
  });
  return design.id;
}

/** One row per server action: who may call it, and a valid-looking call. */
const ACTIONS: Record<string, ActionRow> = {
  "lib/orders/actions.ts#placeOrderAction": { allow: SIGNED_IN, call: async (fn, ctx) => fn({}, await checkoutForm(ctx, "linden-sofa")) },
  "lib/orders/actions.ts#cancelOrderAction": {
    allow: ["customerA"],
    call: (fn, ctx) => fn(ctx.orderA.placed, "PLACED", {}, form({ reason: "Changed my mind" })),
  },
  // Customer A writes on their own order; staff and admins on any; B (not theirs: "No such order"), signed-out and deactivated are refused.
  "lib/messages/actions.ts#sendMessageAction": { allow: ["customerA", ...STAFF], call: (fn, ctx) => fn(ctx.orderA.placed, {}, form({ body: "Matrix: is the oak in stock?\nThanks" })) },
  // The address book and saved designs: any signed-in user keeps their own; another's id is "not yours" and changes nothing.
  "lib/customers/actions.ts#saveAddressAction": { allow: SIGNED_IN, call: (fn) => fn(null, {}, form(MATRIX_ADDRESS)) },
  "lib/customers/actions.ts#deleteAddressAction": {
    allow: ["customerA"],
    setup: async (ctx) => {
      ownedByA.address = (await ctx.t.prisma.savedAddress.create({ data: { customerId: ctx.ids.customerA, ...MATRIX_ADDRESS }, select: { id: true } })).id;
    },
    call: (fn) => fn(ownedByA.address, {}, form({})),
  },
  "lib/designs/actions.ts#saveDesignAction": { allow: SIGNED_IN, call: (fn) => fn({}, form({ slug: "linden-sofa", configuration: encodeSelection({}), quantity: "1", name: "Matrix design" })) },
  "lib/designs/actions.ts#renameDesignAction": {
    allow: ["customerA"],
    setup: async (ctx) => {
      ownedByA.design = await designOfA(ctx);
    },
    call: (fn) => fn(ownedByA.design, {}, form({ name: "Renamed by the matrix" })),
  },
  "lib/designs/actions.ts#deleteDesignAction": {
    allow: ["customerA"],
    setup: async (ctx) => {
      ownedByA.design = await designOfA(ctx);
    },
    call: (fn) => fn(ownedByA.design, {}, form({})),
  },
  "lib/orders/staff-actions.ts#transitionOrderAction": {
    allow: STAFF,
    call: async (fn, ctx) => {
      const expected = await orderStatus(ctx, ctx.confirmedB);
      return fn({}, form({ number: ctx.confirmedB, expected, to: nextStage(expected), note: "matrix" }));
    },
  },
  // The shop floor: each allowed call finishes a running operation / starts one that may start (found afresh,
  // as earlier calls move orders along), and re-promises an order set at risk.
  "lib/production/floor-actions.ts#finishOperationAction": {
    allow: STAFF,
    call: async (fn, ctx) => fn({}, form({ operation: await operationIn(ctx, "RUNNING"), actualHours: "1.5" })),
  },
  "lib/production/floor-actions.ts#startOperationAction": {
    allow: STAFF,
    call: async (fn, ctx) => fn({}, form({ operation: await operationIn(ctx, "PENDING") })),
  },
  "lib/production/floor-actions.ts#repromiseAction": {
    allow: STAFF,
    setup: async (ctx) => {
      await ctx.t.prisma.order.updateMany({ where: { number: { in: [ctx.orderA.placed, ctx.confirmedB] } }, data: { atRisk: true } });
    },
    call: async (fn, ctx) => {
      const order = await ctx.t.prisma.order.findFirstOrThrow({ where: { number: { in: [ctx.orderA.placed, ctx.confirmedB] }, atRisk: true }, select: { number: true } })
        .catch(() => ({ number: ctx.confirmedB }));
      return fn({}, form({ number: order.number, date: "2040-01-15", note: "matrix" }));
    },
  },
  "lib/users/actions.ts#signUpAction": {
    allow: ALL,
    call: (fn, _ctx, persona) =>
      fn({}, form({ name: "New Person", email: `new-${persona}@example.com`, password: "plane-tree-4821", confirmPassword: "plane-tree-4821" })),
  },
  "lib/catalog/editor/actions.ts#createProductAction": {
    allow: ADMIN,
    call: (fn, _ctx, persona) => fn({}, form({ name: `Matrix ${persona}`, slug: `matrix-${persona.toLowerCase()}`, summary: "s", description: "d", imageUrl: "" })),
  },
  "lib/catalog/editor/actions.ts#updateProductAction": {
    allow: ADMIN,
    call: async (fn, ctx, persona) => {
      const p = await ctx.t.prisma.product.findUniqueOrThrow({ where: { slug: "linden-sofa" } });
      return fn(p.id, {}, form({ name: `Linden Sofa ${persona}`, slug: p.slug, summary: p.summary, description: p.description, imageUrl: "", keepImage: "1" }));
    },
  },
  "lib/catalog/editor/actions.ts#saveDraftAction": {
    allow: ADMIN,
    call: async (fn, ctx) => {
      const { productId, definition } = await draftOf(ctx, "linden-sofa");
      return fn(productId, {}, form({ definition: JSON.stringify(definition) }));
    },
  },
  "lib/catalog/editor/actions.ts#discardDraftAction": {
    allow: ADMIN,
    setup: async (ctx) => {
      const { productId, definition } = await draftOf(ctx, "tempo-bicycle");
      expect(await saveDraft(ctx.t.prisma, { id: ctx.ids.admin }, productId, JSON.stringify(definition))).toMatchObject({ ok: true });
    },
    call: (fn, ctx) => fn(ctx.products["tempo-bicycle"], {}),
  },
  "lib/catalog/editor/actions.ts#publishAction": {
    allow: ADMIN,
    setup: async (ctx) => {
      const { productId, definition } = await draftOf(ctx, "vela-roadster");
      expect(await saveDraft(ctx.t.prisma, { id: ctx.ids.admin }, productId, JSON.stringify(definition))).toMatchObject({ ok: true });
    },
    call: async (fn, ctx) => {
      const productId = ctx.products["vela-roadster"] ?? "";
      const draft = await ctx.t.prisma.productVersion.findFirst({ where: { productId, status: "DRAFT" }, select: { updatedAt: true } });
      return fn({}, form({ productId, note: "matrix", acknowledgeWarnings: "on", revision: draft?.updatedAt.toISOString() ?? "" }));
    },
  },
  // Versions: roll back (replacing whatever draft the rows above left), clone, status, test cases.
  "lib/catalog/versions/actions.ts#startDraftFromVersionAction": {
    allow: ADMIN,
    call: (fn, ctx) => fn(ctx.products["linden-sofa"], {}, form({ version: "1", replace: "on" })),
  },
  "lib/catalog/versions/actions.ts#cloneProductAction": {
    allow: ADMIN,
    call: (fn, ctx, persona) => fn(ctx.products["tempo-bicycle"], {}, form({ name: `Clone ${persona}`, slug: `matrix-clone-${persona.toLowerCase()}` })),
  },
  "lib/catalog/versions/actions.ts#changeProductStatusAction": {
    allow: ADMIN,
    setup: async (ctx) => {
      await ctx.t.prisma.product.create({ data: { id: "matrix-status", slug: "matrix-status", name: "Matrix status" } });
    },
    call: (fn) => fn("matrix-status", {}, form({ change: "archive" })),
  },
  "lib/catalog/versions/actions.ts#createTestCaseAction": {
    allow: ADMIN,
    call: (fn, ctx, persona) => fn(ctx.products["linden-sofa"], {}, form({ name: `Matrix ${persona}`, selection: "{}", quantity: "1" })),
  },
  "lib/catalog/versions/actions.ts#updateTestCaseAction": {
    allow: ADMIN,
    setup: async (ctx) => {
      await ctx.t.prisma.productTestCase.create({ data: { id: "matrix-case", productId: ctx.products["linden-sofa"] ?? "", name: "Matrix edit", selection: {}, expectValid: true, expectPriceCents: 1, expectLeadDays: 1 } });
    },
    call: (fn, ctx, persona) =>
      fn(ctx.products["linden-sofa"], {}, form({ id: "matrix-case", name: `Matrix edit ${persona}`, expectValid: "valid", expectPrice: "12.50", expectLeadDays: "9" })),
  },
  "lib/catalog/versions/actions.ts#deleteTestCaseAction": {
    allow: ADMIN,
    setup: async (ctx) => {
      await ctx.t.prisma.productTestCase.create({ data: { id: "matrix-case-gone", productId: ctx.products["linden-sofa"] ?? "", name: "Matrix delete", selection: {}, expectValid: true, expectPriceCents: 1, expectLeadDays: 1 } });
    },
    call: (fn, ctx) => fn(ctx.products["linden-sofa"], {}, form({ id: "matrix-case-gone" })),
  },
  // Change orders (issue 23): only the order's customer changes it (one more of the same); staff decide requests; admins set the policy.
  "lib/orders/change-actions.ts#confirmChangeAction": {
    allow: ["customerA"],
    call: async (fn, ctx) => {
      const order = await ctx.t.prisma.order.findFirstOrThrow({
        where: { customerId: ctx.ids.customerA, status: { in: ["PLACED", "CONFIRMED"] }, quantity: { lt: 5 } },
        orderBy: { productionHours: "asc" },
        select: { number: true, version: true, quantity: true, selection: true, productVersion: { select: { definition: true } } },
      });
      const definition = order.productVersion.definition as unknown as Definition;
      const totalCents = evaluate(definition, order.selection as Selection, { quantity: order.quantity + 1 }).totalCents;
      return fn({}, form({
        number: order.number, configuration: encodeSelection(order.selection as Selection), quantity: String(order.quantity + 1), idempotencyKey: randomUUID(),
        expectedOrderVersion: String(order.version), expectedTotalCents: String(totalCents), reason: "matrix",
      }));
    },
  },
  "lib/orders/change-actions.ts#decideChangeRequestAction": {
    allow: STAFF,
    // Two requests waiting (one per allowed persona), on orders of both customers.
    setup: async (ctx) => {
      for (const number of [ctx.orderA.delivered, ctx.confirmedB]) {
        const order = await ctx.t.prisma.order.findUniqueOrThrow({ where: { number } });
        await ctx.t.prisma.orderRevision.create({
          data: {
            orderId: order.id, status: "PENDING", idempotencyKey: randomUUID(), requestedById: order.customerId, differences: ["Matrix"], previousSnapshot: order.snapshot as object,
            snapshot: order.snapshot as object, totalBeforeCents: order.totalCents, totalAfterCents: order.totalCents, hoursBefore: order.productionHours, hoursAfter: order.productionHours,
            promisedBefore: order.promisedDate, promisedAfter: order.promisedDate,
          },
        });
      }
    },
    call: async (fn, ctx) => {
      const request = await ctx.t.prisma.orderRevision.findFirst({ where: { status: "PENDING" }, select: { id: true } });
      return fn({}, form({ requestId: request?.id ?? "none", decision: "decline", note: "matrix" }));
    },
  },
  "lib/settings/change-policy-actions.ts#updateChangePolicyAction": {
    allow: ADMIN,
    call: (fn) => fn({}, form({ changeDirectUntil: "CONFIRMED", changeRequestUntil: "IN_PRODUCTION" })),
  },
  "lib/settings/actions.ts#updateSettingsAction": {
    allow: ADMIN,
    call: (fn) => fn({}, form({ companyName: "Atelier Matrix", currency: "EUR", shippingDays: "5" })),
  },
  // Converts to GBP at 1 and back, so the rows after it still find a shop selling in EUR.
  "lib/settings/actions.ts#changeCurrencyAction": {
    allow: ADMIN,
    call: async (fn) => {
      const result = (await fn({}, form({ currency: "GBP", rate: "1" }))) as { ok?: boolean };
      if (result?.ok) expect(await fn({}, form({ currency: "EUR", rate: "1" }))).toMatchObject({ ok: true });
      return result;
    },
  },
  // Workshop edits: each allowed persona works on its own rows (a far-off date, its own centre or closure).
  "lib/workshop/actions.ts#createWorkCentreAction": {
    allow: STAFF,
    call: (fn, _, persona) => fn({}, form({ id: `matrix-${persona.toLowerCase()}`, name: `Matrix ${persona}`, ...weekdayForm(6) })),
  },
  "lib/workshop/actions.ts#updateWorkCentreAction": { allow: STAFF, call: (fn) => fn({}, form({ id: "matrix-idle", name: "Matrix idle", ...weekdayForm(7) })) },
  "lib/workshop/actions.ts#setWorkCentreActiveAction": { allow: STAFF, call: (fn) => fn({}, form({ id: "matrix-idle", active: "false" })) },
  "lib/workshop/actions.ts#setCalendarExceptionAction": {
    allow: STAFF,
    call: (fn, _, persona) => fn({}, form({ centre: "matrix-idle", day: persona === "admin" ? "2031-06-03" : "2031-06-02", hours: "10", note: "Overtime" })),
  },
  "lib/workshop/actions.ts#removeCalendarExceptionAction": {
    allow: STAFF,
    setup: async (ctx) => {
      for (const day of ["2031-07-01", "2031-07-02"]) await ctx.t.prisma.calendarException.create({ data: { workCentreId: "matrix-idle", day: new Date(`${day}T00:00:00Z`), hours: 0 } });
    },
    call: (fn, _, persona) => fn({}, form({ centre: "matrix-idle", day: persona === "admin" ? "2031-07-02" : "2031-07-01" })),
  },
  "lib/workshop/actions.ts#addShopClosureAction": { allow: STAFF, call: (fn, _, persona) => fn({}, form({ name: `Matrix ${persona}`, firstDay: "2031-08-04", lastDay: "2031-08-08" })) },
  "lib/workshop/actions.ts#removeShopClosureAction": {
    allow: STAFF,
    setup: async (ctx) => {
      for (const id of ["matrix-closure-staff", "matrix-closure-admin"]) await ctx.t.prisma.shopClosure.create({ data: { id, name: id, firstDay: new Date("2031-09-01T00:00:00Z"), lastDay: new Date("2031-09-02T00:00:00Z") } });
    },
    call: (fn, _, persona) => fn({}, form({ id: persona === "admin" ? "matrix-closure-admin" : "matrix-closure-staff" })),
  },
  "lib/users/manage-actions.ts#changeRoleAction": { allow: ADMIN, call: (fn, ctx) => fn({}, form({ userId: ctx.targetUserId, role: "STAFF" })) },
  "lib/users/manage-actions.ts#setUserActiveAction": { allow: ADMIN, call: (fn, ctx) => fn({}, form({ userId: ctx.targetUserId, active: "false" })) },
  "lib/users/manage-actions.ts#inviteUserAction": {
    allow: ADMIN,
    call: (fn, _ctx, persona) => fn({}, form({ name: `Invited ${persona}`, email: `invited-${persona.toLowerCase()}@example.com`, role: "CUSTOMER" })),
  },
  "lib/users/manage-actions.ts#resendInviteAction": {
    allow: ADMIN,
    setup: async (ctx) => {
      invitedUser.id = (await ctx.t.prisma.user.create({ data: { email: "pending-invite@example.com", name: "Pending", passwordHash: "" }, select: { id: true } })).id;
    },
    call: (fn) => fn({}, form({ userId: invitedUser.id })),
  },
  // Public: whoever asks gets the same answer; whoever holds an emailed link may set that account's password.
  "lib/users/token-actions.ts#requestPasswordResetAction": { allow: ALL, call: (fn, _ctx, persona) => fn({}, form({ email: `reset-${persona.toLowerCase()}@example.com` })) },
  "lib/users/token-actions.ts#setPasswordAction": {
    allow: ALL,
    setup: async (ctx) => {
      for (const persona of PERSONAS) {
        const token = newToken();
        resetTokens[persona] = token;
        await ctx.t.prisma.user.create({
          data: {
            email: `link-${persona.toLowerCase()}@example.com`, name: `Link ${persona}`, passwordHash: "x",
            tokens: { create: { purpose: "RESET", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) } },
          },
        });
      }
    },
    call: (fn, _ctx, persona) => fn({}, form({ token: resetTokens[persona] ?? "", purpose: "RESET", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
  },
};

const PASSWORDS = Object.fromEntries(demoUsers().map((u) => [u.email, u.password]));
const FORMER_ADMIN_PASSWORD = "former-admin-2026";
const CREDENTIALS: Record<PersonaName, [string, string]> = {
  anonymous: ["nobody@example.com", "not-a-password-1"],
  deactivated: ["former-admin@atelier.test", FORMER_ADMIN_PASSWORD],
  customerA: ["clara@example.com", PASSWORDS["clara@example.com"] ?? ""],
  customerB: ["dev@example.com", PASSWORDS["dev@example.com"] ?? ""],
  staff: ["staff@atelier.test", PASSWORDS["staff@atelier.test"] ?? ""],
  admin: ["admin@atelier.test", PASSWORDS["admin@atelier.test"] ?? ""],
};

/** Signs in through next-auth's own endpoints (CSRF token, then credentials); a refusal comes back as `?error=`. */
async function credentialsSignIn(fn: (...args: unknown[]) => unknown, persona: PersonaName): Promise<Response> {
  const { GET } = await import("@/app/api/auth/[...nextauth]/route");
  harness.cookies = {};
  const csrf = await GET(request("/api/auth/csrf"), { params: Promise.resolve({ nextauth: ["csrf"] }) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  for (const cookie of csrf.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const [name, ...value] = (pair ?? "").split("=");
    if (name) harness.cookies[name] = decodeURIComponent(value.join("="));
  }
  const [email, password] = CREDENTIALS[persona];
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/", json: "true" });
  const response = (await fn(
    request("/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }),
    { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
  )) as Response;
  const { url } = (await response.clone().json()) as { url?: string };
  harness.cookies = {};
  if (!url) return response;
  return url.includes("error=") ? new Response(url, { status: 401 }) : response;
}

/** One row per route handler export. */
const ROUTES: Record<string, RouteRow> = {
  // The emailed sign-up link is public: whoever holds it may open it (a bad token is sent back to sign-up).
  "app/(auth)/signup/confirm/route.ts#GET": { allow: ALL, call: async (fn) => (await fn(request("/signup/confirm?token=not-a-real-token-0123456789"))) as Response },
  // A share link's preview picture is public, like the configurator page it belongs to.
  "app/(shop)/share/[slug]/image/route.tsx#GET": {
    allow: ALL,
    call: async (fn) => (await fn(request(`/share/linden-sofa/image?c=${encodeSelection({})}`), { params: Promise.resolve({ slug: "linden-sofa" }) })) as Response,
  },
  "app/admin/audit.csv/route.ts#GET": { allow: ADMIN, call: async (fn) => (await fn(request("/admin/audit.csv?entity=Order"))) as Response },
  "app/admin/orders.csv/route.ts#GET": { allow: ADMIN, call: async (fn) => (await fn(request("/admin/orders.csv"))) as Response },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    allow: ALL,
    call: async (fn) => (await fn(request("/api/auth/providers"), { params: Promise.resolve({ nextauth: ["providers"] }) })) as Response,
  },
  // Signing in is public, but only with an active account's own password.
  "app/api/auth/[...nextauth]/route.ts#POST": { allow: SIGNED_IN, call: (fn, _ctx, persona) => credentialsSignIn(fn, persona) },
  // The load benchmark's baseline route answers 404 to everyone unless the server runs with ATELIER_BENCH_ROUTES=1.
  "app/api/bench/insert/route.ts#POST": { allow: [], call: async (fn) => (await fn(request("/api/bench/insert", { method: "POST" }))) as Response },
  "app/api/delivery-context/route.ts#GET": { allow: ALL, call: async (fn) => (await fn(request("/api/delivery-context"))) as Response },
  "app/api/health/route.ts#GET": { allow: ALL, call: async (fn) => (await fn(request("/api/health"))) as Response },
  "app/api/orders/[number]/events/route.ts#GET": {
    allow: ["customerA", "staff", "admin"],
    call: async (fn, ctx) =>
      (await fn(request(`/api/orders/${ctx.orderA.delivered}/events`), { params: Promise.resolve({ number: ctx.orderA.delivered }) })) as Response,
  },
  "app/api/staff/events/route.ts#GET": { allow: STAFF, call: async (fn) => (await fn(request("/api/staff/events"))) as Response },
  "app/api/staff/materials/route.ts#GET": { allow: STAFF, call: async (fn) => (await fn(request("/api/staff/materials"))) as Response },
};

const discoveredActions = discoverActions();
const discoveredRoutes = discoverRoutes();
const tally = { calls: 0 };

let t: TestDatabase;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestDatabase();
  harness.db = t;
  const ids = await seedPersonas(t);
  await t.prisma.user.update({ where: { id: ids.deactivated }, data: { passwordHash: await hashPassword(FORMER_ADMIN_PASSWORD) } });
  const orderOf = async (customerId: string, status: string) =>
    (await t.prisma.order.findFirstOrThrow({ where: { customerId, status: status as never }, select: { number: true } })).number;
  const products = Object.fromEntries((await t.prisma.product.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]));
  const target = await t.prisma.user.create({ data: { email: "target@example.com", name: "Target", passwordHash: "x" }, select: { id: true } });
  // A work centre no order or routing uses, for the workshop actions.
  await t.prisma.workCentre.create({ data: { id: "matrix-idle", name: "Matrix idle", weekdayHours: [8, 8, 8, 8, 8, 0, 0] } });
  ctx = {
    t,
    ids,
    orderA: { placed: await orderOf(ids.customerA, "PLACED"), delivered: await orderOf(ids.customerA, "DELIVERED") },
    confirmedB: await orderOf(ids.customerB, "CONFIRMED"),
    products,
    targetUserId: target.id,
  };
});
afterAll(async () => {
  console.info(`authorization matrix: ${tally.calls} calls (${discoveredActions.length} actions, ${discoveredRoutes.length} route exports)`);
  harness.db = null;
  await t?.drop();
});

describe("the matrix covers the whole app", () => {
  it("has a row for every server action and every route handler found in the source", () => {
    expect(discoveredActions.length).toBeGreaterThan(10);
    expect(discoveredRoutes.length).toBeGreaterThan(5);
    expect(discoveredActions.map((a) => a.key).filter((k) => !(k in ACTIONS))).toEqual([]);
    expect(discoveredRoutes.map((r) => r.key).filter((k) => !(k in ROUTES))).toEqual([]);
    // A row for something that no longer exists is stale.
    expect(Object.keys(ACTIONS).filter((k) => !discoveredActions.some((a) => a.key === k))).toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !discoveredRoutes.some((r) => r.key === k))).toEqual([]);
  });
});

/** Calls one export as one persona and checks the verdict; a refusal must leave every table as it was. */
async function check(kind: "action" | "route", key: string, row: ActionRow | RouteRow, fn: (...args: unknown[]) => unknown, persona: PersonaName) {
  actAs(ctx.ids, persona);
  const before = await fingerprint(t);
  let verdict: Verdict | "error";
  let detail: unknown;
  if (kind === "action") {
    const outcome = await settle(() => row.call(fn, ctx, persona));
    verdict = actionVerdict(outcome);
    detail = outcome.kind === "threw" ? String(outcome.error) : outcome;
  } else {
    const response = (await row.call(fn, ctx, persona)) as Response;
    const { status } = await drain(response);
    verdict = routeVerdict(status);
    detail = status;
  }
  tally.calls++;
  const expected: Verdict = row.allow.includes(persona) ? "allow" : "deny";
  expect({ key, persona, verdict, detail }).toMatchObject({ key, persona, verdict: expected });
  if (expected === "deny") expect(await fingerprint(t)).toEqual(before);
}

describe.each(Object.entries(ACTIONS))("server action %s", (key, row) => {
  it.each([...PERSONAS])("as %s", async (persona) => {
    const found = discoveredActions.find((a) => a.key === key);
    if (!found) throw new Error(`${key} not found`);
    if (persona === PERSONAS[0] && row.setup) await row.setup(ctx);
    await check("action", key, row, await loadExport(found.file, found.name), persona);
  });
});

describe.each(Object.entries(ROUTES))("route %s", (key, row) => {
  it.each([...PERSONAS])("as %s", async (persona) => {
    const found = discoveredRoutes.find((r) => r.key === key);
    if (!found) throw new Error(`${key} not found`);
    await check("route", key, row, await loadExport(found.file, found.name), persona);
  });
});

describe("IDOR: customer B against customer A's orders", () => {
  it("cannot read A's orders through the page queries", async () => {
    const numbersOfA = (await t.prisma.order.findMany({ where: { customerId: ctx.ids.customerA }, select: { number: true } })).map((o) => o.number);
    expect(numbersOfA.length).toBeGreaterThan(3);
    for (const number of numbersOfA) expect(await getCustomerOrder(t.prisma, ctx.ids.customerB, number)).toBeNull();
    const listOfB = (await findCustomerOrders(t.prisma, ctx.ids.customerB)).map((o) => o.number);
    expect(listOfB.filter((n) => numbersOfA.includes(n))).toEqual([]);
  });

  it("cannot follow, cancel or move any of A's orders, and writes nothing trying", async () => {
    const orders = await t.prisma.order.findMany({ where: { customerId: ctx.ids.customerA }, select: { number: true, status: true } });
    const { cancelOrderAction } = await import("@/lib/orders/actions");
    const { transitionOrderAction } = await import("@/lib/orders/staff-actions");
    const { GET } = await import("@/app/api/orders/[number]/events/route");
    actAs(ctx.ids, "customerB");
    const before = await fingerprint(t);
    for (const order of orders) {
      const events = await GET(request(`/api/orders/${order.number}/events`), { params: Promise.resolve({ number: order.number }) });
      expect((await drain(events)).status).toBe(404);
      const cancel = await cancelOrderAction(order.number, order.status, {}, form({ reason: "not mine" }));
      expect(cancel).toMatchObject({ message: expect.any(String) });
      expect(cancel.ok).not.toBe(true);
      const move = await transitionOrderAction({}, form({ number: order.number, expected: order.status, to: "CANCELLED", reason: "not mine" }));
      expect(move).toMatchObject({ ok: false, message: "Only staff can move orders through production." });
      tally.calls += 3;
    }
    expect(await fingerprint(t)).toEqual(before);
  });

  it("cannot obtain A's order by replaying A's idempotency key", async () => {
    const { placeOrderAction } = await import("@/lib/orders/actions");
    actAs(ctx.ids, "customerA");
    const data = await checkoutForm(ctx, "tempo-bicycle");
    const first = await settle(() => placeOrderAction({}, data));
    expect(first).toMatchObject({ kind: "returned", value: { ok: true, placed: { href: expect.stringMatching(/^\/orders\/AT-\d{4}-\d+\/confirmation$/) } } });
    actAs(ctx.ids, "customerB");
    const before = await fingerprint(t);
    const replay = await settle(() => placeOrderAction({}, data));
    expect(replay).toMatchObject({ kind: "returned", value: { message: "This form was already used. Reload the page to order again." } });
    expect(await fingerprint(t)).toEqual(before);
    tally.calls += 2;
  });
});
