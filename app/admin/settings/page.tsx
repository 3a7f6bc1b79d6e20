import type { Metadata } from "next";
import Link from "next/link";
import { ChangePolicyForm } from "@/components/admin/change-policy-form";
import { CurrencyForm } from "@/components/admin/currency-form";
import { SettingsForm } from "@/components/admin/settings-form";
import { requireAdmin } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { changeCurrencyAction, updateSettingsAction } from "@/lib/settings/actions";
import { findPriceSamples } from "@/lib/settings/currency";
import { getChangePolicy, getFairUse, getSettings } from "@/lib/settings/queries";
import { CURRENCIES } from "@/lib/settings/currencies";

export const metadata: Metadata = { title: "Settings" };

/** Shop settings; the workshop's hours live with the work centres on the capacity page. */
export default async function SettingsPage() {
  await requireAdmin("/admin/settings");
  const db = await getDb();
  const [settings, fairUse, samples, products] = await Promise.all([getSettings(db), getFairUse(db), findPriceSamples(db), db.product.count({ where: { versions: { some: { currency: null } } } })]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="settings-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="settings-title" className="mb-3 text-lg font-semibold">Shop settings</h2>
        <SettingsForm action={updateSettingsAction} initial={settings} fairUse={fairUse} />
      </section>
      <section aria-labelledby="change-policy-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="change-policy-title" className="mb-1 text-lg font-semibold">Change orders</h2>
        <p className="mb-3 text-sm text-stone-600">Up to which stage customers change the specification of an order themselves (re-priced and re-booked at once), and after that up to which stage they may ask the workshop for a change.</p>
        <ChangePolicyForm policy={await getChangePolicy(db)} />
      </section>
      <section aria-labelledby="currency-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="currency-title" className="mb-3 text-lg font-semibold">Change the currency</h2>
        <CurrencyForm action={changeCurrencyAction} currency={settings.currency} currencies={CURRENCIES} samples={samples} products={products} />
      </section>
      <section aria-labelledby="capacity-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="capacity-title" className="text-lg font-semibold">Work centres and calendars</h2>
        <p className="mt-1 text-sm text-stone-600">
          Working hours per work centre, holidays, overtime, shop closures and the load per week are on the{" "}
          <Link href="/staff/capacity" className="text-brand-700 underline">capacity page</Link>.
        </p>
      </section>
    </div>
  );
}
