import type { Metadata } from "next";
import Link from "next/link";
import { LiveUpdates } from "@/components/staff/live-updates";
import { requireStaff } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { rollForwardBeforeReading } from "@/lib/production/late-work";
import { listFloorCentres } from "@/lib/production/shop-floor";

export const metadata: Metadata = { title: "Shop floor" };

/** The shop floor: every work centre with its queue, one tap to open it. */
export default async function ShopFloorPage() {
  await requireStaff("/staff/floor");
  const db = await getDb();
  await rollForwardBeforeReading(db); // late work moves forward before anyone reads the queues (also on a timer)
  const centres = await listFloorCentres(db);
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Shop floor</h1>
          <p className="text-sm text-stone-600">Choose your work centre to see its queue in planned order.</p>
        </div>
        <LiveUpdates />
      </div>
      {centres.length ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {centres.map((c) => (
            <li key={c.id}>
              <Link href={`/staff/floor/${encodeURIComponent(c.id)}`} className="block min-h-24 rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600 hover:bg-stone-50" data-testid="floor-centre">
                <span className="block text-lg font-semibold">{c.name}</span>
                <span className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
                  <span><strong className="tabular-nums">{c.queued}</strong> in queue</span>
                  <span><strong className="tabular-nums">{c.running}</strong> running</span>
                  <span><strong className="tabular-nums">{c.ready}</strong> ready to start</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600">No active work centres. An admin sets them up.</p>
      )}
    </div>
  );
}
