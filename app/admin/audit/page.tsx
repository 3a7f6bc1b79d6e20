import type { Metadata } from "next";
import { z } from "zod";
import { AUDIT_ENTITIES, findAuditRows } from "@/lib/audit/queries";
import { requireAdmin } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };

// A day the database can store and a person could mean (PostgreSQL has no year 0; browsers allow 6-digit years).
const day = z.iso.date().refine((v) => v >= "1900-01-01" && v <= "9999-12-31");

const filterSchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

const DATE_MESSAGE = "Enter a date between 1900-01-01 and 9999-12-31; this date was left out of the filter.";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Who changed what and when: catalog, versions, settings, capacity, users and order transitions. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/audit");
  const raw = await searchParams;
  const pick = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? raw[k] : undefined);
  const f = filterSchema.parse({ entity: pick("entity"), actor: pick("actor"), q: pick("q"), from: pick("from"), to: pick("to") });
  const badDate = { from: pick("from") !== undefined && !f.from, to: pick("to") !== undefined && !f.to };
  const rows = await findAuditRows(await getDb(), {
    entity: f.entity,
    actor: f.actor,
    q: f.q,
    from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    // Up to the end of the day; the last day the database stores has no end to filter by.
    to: f.to && f.to < "9999-12-31" ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  });
  const input = "mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-base sm:text-sm";
  return (
    <div>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3">
        <div><label htmlFor="entity" className="block text-xs font-medium text-stone-700">What</label><select id="entity" name="entity" defaultValue={f.entity ?? ""} className={input}><option value="">Everything</option>{AUDIT_ENTITIES.map((e) => <option key={e} value={e}>{e}</option>)}</select></div>
        <div><label htmlFor="actor" className="block text-xs font-medium text-stone-700">Who (email)</label><input id="actor" name="actor" defaultValue={f.actor} className={input} /></div>
        <div><label htmlFor="q" className="block text-xs font-medium text-stone-700">Text or order number</label><input id="q" name="q" defaultValue={f.q} className={input} /></div>
        <div><label htmlFor="from" className="block text-xs font-medium text-stone-700">From</label><input id="from" name="from" type="date" min="1900-01-01" max="9999-12-31" defaultValue={f.from} aria-invalid={badDate.from || undefined} aria-describedby={badDate.from ? "from-error" : undefined} className={input} />{badDate.from ? <p id="from-error" role="alert" className="mt-1 max-w-48 text-xs text-red-700">{DATE_MESSAGE}</p> : null}</div>
        <div><label htmlFor="to" className="block text-xs font-medium text-stone-700">To</label><input id="to" name="to" type="date" min="1900-01-01" max="9999-12-31" defaultValue={f.to} aria-invalid={badDate.to || undefined} aria-describedby={badDate.to ? "to-error" : undefined} className={input} />{badDate.to ? <p id="to-error" role="alert" className="mt-1 max-w-48 text-xs text-red-700">{DATE_MESSAGE}</p> : null}</div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">Filter</button>
      </form>
      <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
            <tr><th scope="col" className="px-3 py-2">When (UTC)</th><th scope="col" className="px-3 py-2">Who</th><th scope="col" className="px-3 py-2">Action</th><th scope="col" className="px-3 py-2">What</th><th scope="col" className="px-3 py-2">Change</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-3 py-2">{timeFormat.format(r.at)}</td>
                <td className="px-3 py-2">{r.actor}</td>
                <td className="px-3 py-2"><code className="text-xs">{r.action}</code></td>
                <td className="px-3 py-2">{r.entityType} <span className="text-xs text-stone-500">{r.entityId}</span></td>
                <td className="px-3 py-2">{r.summary}</td>
              </tr>
            ))}
            {rows.length === 0 ? <tr><td colSpan={5} className="px-3 py-6 text-center text-stone-600">No entries match.</td></tr> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
