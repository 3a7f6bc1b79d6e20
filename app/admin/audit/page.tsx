import type { Metadata } from "next";
import Link from "next/link";
import { auditSearchString, parseAuditSearch } from "@/lib/audit/filter";
import { AUDIT_ENTITIES, findAuditActions, findAuditPage } from "@/lib/audit/queries";
import { requireAdmin } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };

const DATE_MESSAGE = "Enter a date between 1900-01-01 and 9999-12-31; this date was left out of the filter.";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Who changed what and when, with each change's before and after: catalog, versions, settings, workshop, users and orders. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/audit");
  const { values: f, filter, badDate } = parseAuditSearch(await searchParams);
  const db = await getDb();
  const [page, actions] = await Promise.all([findAuditPage(db, filter, { cursor: f.after }), findAuditActions(db)]);
  const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-base sm:w-auto sm:text-sm";
  const label = "block text-xs font-medium text-stone-700";
  const query = auditSearchString(f);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold">Audit log</h1>
        <a href={`/admin/audit.csv${query}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100" download>Export these entries (CSV)</a>
      </div>
      <form method="get" role="search" aria-label="Filter the audit log" className="mt-4 grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end">
        <div><label htmlFor="entity" className={label}>What</label><select id="entity" name="entity" defaultValue={f.entity ?? ""} className={input}><option value="">Everything</option>{AUDIT_ENTITIES.map((e) => <option key={e} value={e}>{e}</option>)}</select></div>
        <div><label htmlFor="action" className={label}>Action</label><select id="action" name="action" defaultValue={f.action ?? ""} className={input}><option value="">Any action</option>{actions.map((a) => <option key={a} value={a}>{a}</option>)}</select></div>
        <div><label htmlFor="actor" className={label}>Who (name or email)</label><input id="actor" name="actor" defaultValue={f.actor} className={input} /></div>
        <div><label htmlFor="q" className={label}>Text, order number or name</label><input id="q" name="q" defaultValue={f.q} className={input} /></div>
        <div><label htmlFor="from" className={label}>From</label><input id="from" name="from" type="date" min="1900-01-01" max="9999-12-31" defaultValue={f.from} aria-invalid={badDate.from || undefined} aria-describedby={badDate.from ? "from-error" : undefined} className={input} />{badDate.from ? <p id="from-error" role="alert" className="mt-1 max-w-48 text-xs text-red-700">{DATE_MESSAGE}</p> : null}</div>
        <div><label htmlFor="to" className={label}>To</label><input id="to" name="to" type="date" min="1900-01-01" max="9999-12-31" defaultValue={f.to} aria-invalid={badDate.to || undefined} aria-describedby={badDate.to ? "to-error" : undefined} className={input} />{badDate.to ? <p id="to-error" role="alert" className="mt-1 max-w-48 text-xs text-red-700">{DATE_MESSAGE}</p> : null}</div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">Filter</button>
          {query ? <Link href="/admin/audit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm">Clear</Link> : null}
        </div>
      </form>
      <p className="mt-3 text-sm text-stone-600" aria-live="polite">
        {page.total === 1 ? "1 entry matches" : `${page.total.toLocaleString("en-GB")} entries match`}
        {f.after ? " · showing older entries" : ""}
      </p>
      {/* relative: the screen-reader-only labels inside (absolutely positioned) stay in the scrolled box instead of widening the page. */}
      <div role="region" aria-label="Audit entries" tabIndex={0} className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white focus:outline-2 focus:outline-brand-600">
        <table className="w-full text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
            <tr><th scope="col" className="px-3 py-2">When (UTC)</th><th scope="col" className="px-3 py-2">Who</th><th scope="col" className="px-3 py-2">What</th><th scope="col" className="px-3 py-2">Change</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100 align-top">
            {page.rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-3 py-2">{timeFormat.format(r.at)}</td>
                <td className="min-w-32 px-3 py-2 break-words">{r.actor}</td>
                <td className="min-w-36 px-3 py-2">
                  <span className="font-medium">{r.entityLabel}</span>
                  <span className="block text-xs text-stone-600">{r.entityType} · <code>{r.action}</code></span>
                </td>
                <td className="min-w-56 px-3 py-2">
                  <p>{r.summary}</p>
                  {r.changes.length > 0 ? (
                    <table className="mt-1 text-xs">
                      <caption className="sr-only">Changed fields</caption>
                      <thead className="sr-only"><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
                      <tbody>
                        {r.changes.map((c, i) => (
                          <tr key={i}>
                            <th scope="row" className="pr-2 text-left font-medium text-stone-700">{c.field}</th>
                            <td className="pr-1 text-stone-600"><span className="sr-only">before: </span>{c.before ?? "–"}</td>
                            <td className="text-stone-900"><span aria-hidden> → </span><span className="sr-only">after: </span>{c.after ?? "–"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </td>
              </tr>
            ))}
            {page.rows.length === 0 ? <tr><td colSpan={4} className="px-3 py-6 text-center text-stone-600">No entries match.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit pages" className="mt-3 flex gap-3 text-sm">
        {f.after ? <Link href={`/admin/audit${query}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Newest entries</Link> : null}
        {page.next ? <Link href={`/admin/audit${auditSearchString(f, { after: page.next })}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Older entries</Link> : null}
      </nav>
    </div>
  );
}
