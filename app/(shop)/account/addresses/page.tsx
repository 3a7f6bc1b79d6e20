import type { Metadata } from "next";
import { AddressCard } from "@/components/customers/address-card";
import { AddressForm } from "@/components/customers/address-form";
import { requireUser } from "@/lib/auth/guards";
import { MAX_SAVED_ADDRESSES } from "@/lib/customers/address-schema";
import { findSavedAddresses } from "@/lib/customers/addresses";
import { getDb } from "@/lib/db";
import { COUNTRIES } from "@/lib/orders/schema";

export const metadata: Metadata = { title: "Address book" };

/** The signed-in customer's saved addresses: view, add, edit, delete. Nothing is here unless they chose to save it. */
export default async function AddressBookPage() {
  const user = await requireUser("/account/addresses");
  const addresses = await findSavedAddresses(await getDb(), user.id);
  const countryName = (code: string) => COUNTRIES.find((c) => c.code === code)?.name ?? code;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Address book</h1>
        <p className="mt-1 text-sm text-stone-600">
          Addresses you chose to save at checkout or here, offered when you order. {addresses.length} of {MAX_SAVED_ADDRESSES}. Delete one and it is gone from our records; your past orders keep the address they were sent to.
        </p>
      </div>
      {addresses.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">No saved addresses. Tick “Save this address” at checkout, or add one below.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {addresses.map((a) => <AddressCard key={a.id} address={a} countryName={countryName(a.country)} countries={COUNTRIES} />)}
        </ul>
      )}
      {addresses.length < MAX_SAVED_ADDRESSES ? (
        <section className="rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="add-heading">
          <h2 id="add-heading" className="mb-3 text-lg font-semibold">Add an address</h2>
          <AddressForm countries={COUNTRIES} />
        </section>
      ) : (
        <p className="text-sm text-stone-600">Your address book is full. Delete an address to add another.</p>
      )}
    </div>
  );
}
