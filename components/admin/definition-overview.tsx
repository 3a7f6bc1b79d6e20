import type { Definition } from "@/lib/configurator";
import { formatCents } from "@/lib/money";
import { plural } from "@/lib/plural";

// A product definition read-only, rendered on the server (no JavaScript): the base figures, the routing, the
// groups with their options, the rules, the pricing beyond option prices and (on a version's page) the JSON. The product page shows
// it until the admin opens the editor; a version's page shows it for that version.

type Props = {
  definition: Definition;
  currency: string;
  /** The level of the section headings: 2 on a page of its own, 3 under the product page's "Definition". */
  level: 2 | 3;
  /** The whole definition as JSON, folded (a version's page; the editor has its own JSON panel). */
  json?: boolean;
};

/** Options listed per group: a group may have hundreds, and the editor shows them all. */
const OPTIONS_SHOWN = 50;

/** The read-only view of one definition (see the file's comment). */
export function DefinitionOverview({ definition: d, currency, level, json = false }: Props) {
  const H = level === 2 ? "h2" : "h3";
  const heading = level === 2 ? "text-lg font-semibold" : "text-base font-semibold";
  const money = (cents: number) => formatCents(cents, currency);
  // Where hours go: the operation named, or the first one.
  const opLabel = (id: string | undefined) => (id === undefined ? d.routing[0]?.label : (d.routing.find((o) => o.id === id)?.label ?? id));
  const formulas = d.pricing?.formulas ?? [];
  const tables = d.pricing?.tables ?? [];
  const tiers = d.pricing?.tiers ?? [];
  return (
    <div className="space-y-6" data-testid="definition-overview">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[["Base price", money(d.basePriceCents)], ["Base lead days", d.baseLeadDays], ["Base production hours", d.routing.reduce((sum, o) => sum + o.hours, 0)], ["Premium", `${d.premiumPercent}%`]].map(([k, v]) => (
          <div key={String(k)} className="rounded-lg border border-stone-200 bg-white p-3"><dt className="text-xs text-stone-600">{k}</dt><dd className="text-lg font-semibold">{v}</dd></div>
        ))}
      </dl>
      <section aria-label="Routing">
        <H className={heading}>Routing</H>
        <ol className="mt-2 space-y-1 text-sm">
          {d.routing.map((o, i) => (
            <li key={`${o.id}-${i}`} className="rounded border border-stone-200 bg-white px-3 py-2">
              {i + 1}. {o.label} <span className="text-xs text-stone-600">({o.id})</span> at <code>{o.workCentre}</code>: {o.hours} h per unit{o.setupHours ? ` + ${o.setupHours} h setup` : ""}
              {o.hoursFormula ? <> + <code>{o.hoursFormula}</code> h</> : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Option groups">
        <H className={heading}>Groups</H>
        {d.groups.length === 0 ? <p className="mt-2 text-sm text-stone-600">No groups yet: open the editor to add the first thing customers choose.</p> : null}
        <ul className="mt-2 space-y-2">
          {d.groups.map((g) => (
            <li key={g.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <p className="font-medium">{g.label} <span className="text-xs font-normal text-stone-600">({g.id}, {g.type}{g.required ? ", required" : ""})</span></p>
              {g.type === "single" || g.type === "multi" ? (
                <ul className="mt-1 list-disc pl-5">
                  {g.options.slice(0, OPTIONS_SHOWN).map((o) => <li key={o.id}>{o.label}: {money(o.priceCents)}, +{o.leadDays} d, {o.productionHours} h ({opLabel(o.operation)})</li>)}
                  {g.options.length > OPTIONS_SHOWN ? <li className="text-stone-600">…and {plural(g.options.length - OPTIONS_SHOWN, "more option")}</li> : null}
                </ul>
              ) : g.type === "number" ? (
                <p className="mt-1">{g.min}–{g.max} {g.unit} (step {g.step}), {money(g.priceCentsPerUnit)} per {g.unit}</p>
              ) : (
                <p className="mt-1">Up to {g.maxLength} characters, {money(g.priceCents)}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Rules">
        <H className={heading}>Rules</H>
        <ul className="mt-2 space-y-1 text-sm">
          {d.rules.map((r) => <li key={r.id} className="rounded border border-stone-200 bg-white px-3 py-2"><code>{r.id}</code> ({r.kind}): {r.message}</li>)}
          {d.rules.length === 0 ? <li className="text-stone-600">No rules: every combination is allowed.</li> : null}
        </ul>
      </section>
      {formulas.length || tables.length || tiers.length ? (
        <section aria-label="Pricing">
          <H className={heading}>Pricing</H>
          <ul className="mt-2 space-y-1 text-sm">
            {formulas.map((f) => (
              <li key={`f-${f.id}`} className="rounded border border-stone-200 bg-white px-3 py-2">
                {f.label}: <code>{f.quantity}</code> {f.unit} × {money(f.rateCents)}
                {f.minQuantity !== undefined ? `, at least ${f.minQuantity} ${f.unit}` : ""}{f.maxQuantity !== undefined ? `, at most ${f.maxQuantity} ${f.unit}` : ""}
              </li>
            ))}
            {tables.map((t) => (
              <li key={`t-${t.id}`} className="rounded border border-stone-200 bg-white px-3 py-2">
                {t.label}: price table by <code>{t.rows.group}</code>{t.columns ? <> and <code>{t.columns.group}</code></> : null} ({plural(t.cents.length, "row")} × {plural(t.cents[0]?.length ?? 0, "column")})
              </li>
            ))}
            {tiers.map((t) => (
              <li key={`q-${t.minQuantity}`} className="rounded border border-stone-200 bg-white px-3 py-2">From {t.minQuantity} units: {t.percent}% off each unit</li>
            ))}
          </ul>
        </section>
      ) : null}
      {json ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">Definition JSON</summary>
          <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(d, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}
