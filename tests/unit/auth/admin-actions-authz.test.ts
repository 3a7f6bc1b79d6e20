import { beforeEach, describe, expect, it, vi } from "vitest";

// Every admin server action must refuse callers who are not active admins before touching the database.
const currentUser = vi.hoisted(() => ({ value: null as null | { id: string; email: string; name: string; role: string; active: boolean } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => currentUser.value }));
vi.mock("@/lib/db", () => ({ getDb: async () => { throw new Error("the database must not be reached"); } }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));

const { createProductAction, updateProductAction, saveDraftAction, discardDraftAction, publishAction } = await import("@/lib/catalog/editor/actions");
const { changeRoleAction, setUserActiveAction } = await import("@/lib/users/manage-actions");
const { updateSettingsAction } = await import("@/lib/settings/actions");
const { adminRefusal: forbiddenState } = await import("@/lib/auth/guards");

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const calls = {
  createProduct: () => createProductAction({}, form({ name: "X", slug: "x", summary: "", description: "", imageUrl: "" })),
  updateProduct: () => updateProductAction("p1", {}, form({ name: "X", slug: "x", summary: "", description: "", imageUrl: "" })),
  saveDraft: () => saveDraftAction("p1", {}, form({ definition: "{}" })),
  discardDraft: () => discardDraftAction("p1", {}),
  publish: () => publishAction({}, form({ productId: "p1", note: "" })),
  changeRole: () => changeRoleAction({}, form({ userId: "u2", role: "ADMIN" })),
  setUserActive: () => setUserActiveAction({}, form({ userId: "u2", active: "false" })),
  updateSettings: () => updateSettingsAction({}, form({ companyName: "X", currency: "EUR", shippingDays: "1" })),
};

describe.each([
  ["signed out", null],
  ["a customer", { id: "u1", email: "c@example.com", name: "C", role: "CUSTOMER", active: true }],
  ["staff", { id: "u1", email: "s@example.com", name: "S", role: "STAFF", active: true }],
])("admin actions called by %s", (_, user) => {
  beforeEach(() => {
    currentUser.value = user;
  });
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} is refused without reaching the database`, async () => {
      expect(await call()).toEqual(forbiddenState);
    });
  }
});
