import type { Metadata } from "next";
import Link from "next/link";
import { SettingsForm } from "@/components/admin/settings-form";
import { requireAdmin } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { updateSettingsAction } from "@/lib/settings/actions";
import { getFairUse, getSettings } from "@/lib/settings/queries";
import { CURRENCIES } from "@/lib/settings/service";

export const metadata: Metadata = { title: "Settings" };

/** Shop settings; the workshop's hours live with the work centres on the capacity page. */
export default async function SettingsPage() {
  await requireAdmin("/admin/settings");
  const db = await getDb();
  const [settings, fairUse] = await Promise.all([getSettings(db), getFairUse(db)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="settings-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="settings-title" className="mb-3 text-lg font-semibold">Shop settings</h2>
        <SettingsForm action={updateSettingsAction} initial={settings} fairUse={fairUse} currencies={CURRENCIES} />
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
