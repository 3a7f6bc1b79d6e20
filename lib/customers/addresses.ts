import type { Prisma, Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { ShippingAddress } from "@/lib/orders/schema";
import { MAX_SAVED_ADDRESSES, type SavedAddressInput } from "./address-schema";

export type SavedAddress = SavedAddressInput & { id: string; updatedAt: Date };

const select = { id: true, name: true, line1: true, line2: true, city: true, postalCode: true, country: true, phone: true, updatedAt: true } as const;

export type SaveAddressResult = { ok: true; address: SavedAddress; created: boolean } | { ok: false; code: "limit" | "not-found"; message: string };

const LIMIT_MESSAGE = `Your address book is full (${MAX_SAVED_ADDRESSES} addresses). Delete one you no longer use first.`;

/** The customer's saved addresses, last used or edited first (scoped to the customer in the query). */
export function findSavedAddresses(db: Prisma | Tx, customerId: string): Promise<SavedAddress[]> {
  return db.savedAddress.findMany({ where: { customerId }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: MAX_SAVED_ADDRESSES, select });
}

/** One of the customer's own saved addresses; null for anyone else's id. */
export function getSavedAddress(db: Prisma | Tx, customerId: string, id: string): Promise<SavedAddress | null> {
  return db.savedAddress.findFirst({ where: { id, customerId }, select });
}

/** Serializes one customer's address-book writes so two at once cannot pass the limit together. */
async function lockCustomer(tx: Tx, customerId: string) {
  await tx.$queryRaw`SELECT "id" FROM "users" WHERE "id" = ${customerId} FOR UPDATE`;
}

/** Adds an address (`id` absent) or edits one of the customer's own; refuses a 21st address. */
export function saveAddress(db: Prisma, customerId: string, input: SavedAddressInput, id?: string): Promise<SaveAddressResult> {
  return runTransaction(db, async (tx) => {
    await lockCustomer(tx, customerId);
    if (id) {
      const { count } = await tx.savedAddress.updateMany({ where: { id, customerId }, data: input });
      if (count === 0) return { ok: false, code: "not-found", message: "This address is not in your address book." };
      return { ok: true, created: false, address: (await getSavedAddress(tx, customerId, id))! };
    }
    if ((await tx.savedAddress.count({ where: { customerId } })) >= MAX_SAVED_ADDRESSES) return { ok: false, code: "limit", message: LIMIT_MESSAGE };
    return { ok: true, created: true, address: await tx.savedAddress.create({ data: { ...input, customerId }, select }) };
  });
}

/** Deletes one of the customer's own addresses; false when there was none with that id. */
export async function deleteSavedAddress(db: Prisma, customerId: string, id: string): Promise<boolean> {
  const { count } = await db.savedAddress.deleteMany({ where: { id, customerId } });
  return count > 0;
}

const sameAddress = (a: ShippingAddress, b: ShippingAddress) =>
  (["name", "line1", "line2", "city", "postalCode", "country"] as const).every((k) => a[k].trim().toLowerCase() === b[k].trim().toLowerCase());

/**
 * Keeps the address an order was placed with, because the customer ticked "save" at checkout: an address
 * already in the book is moved to the top (and gets the phone number when one was given), a new one is added
 * unless the book is full.
 */
export function rememberCheckoutAddress(db: Prisma, customerId: string, address: ShippingAddress, phone: string): Promise<SaveAddressResult> {
  return runTransaction(db, async (tx) => {
    await lockCustomer(tx, customerId);
    const existing = (await findSavedAddresses(tx, customerId)).find((a) => sameAddress(a, address));
    if (existing) {
      const updated = await tx.savedAddress.update({ where: { id: existing.id }, data: { phone: phone || existing.phone, updatedAt: new Date() }, select });
      return { ok: true, created: false, address: updated };
    }
    if ((await tx.savedAddress.count({ where: { customerId } })) >= MAX_SAVED_ADDRESSES) return { ok: false, code: "limit", message: LIMIT_MESSAGE };
    return { ok: true, created: true, address: await tx.savedAddress.create({ data: { ...address, phone, customerId }, select }) };
  });
}

/** The saved address an earlier order went to (for "Order again"), else the most recent one; null when the book is empty. */
export async function addressForReorder(db: Prisma, customerId: string, shipped: Partial<ShippingAddress> | null): Promise<SavedAddress | null> {
  const book = await findSavedAddresses(db, customerId);
  const match = shipped ? book.find((a) => sameAddress(a, { name: "", line1: "", line2: "", city: "", postalCode: "", country: "", ...shipped })) : undefined;
  return match ?? book[0] ?? null;
}
