import type { ChangedEntry, CollectionDiff, Entry, FieldChange, VersionDiff } from "@/lib/catalog/versions/diff";
import { fieldLabel, isMoneyField } from "@/lib/catalog/versions/diff";
import { formatCents } from "@/lib/money";

function Value({ field, value, currency }: { field: string; value: unknown; currency: string }) {
  if (value === undefined) return <span className="text-stone-600">(none)</span>;
  if (typeof value === "number" && isMoneyField(field)) return <>{formatCents(value, currency)}</>;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return <>{String(value)}</>;
  const json = JSON.stringify(value);
  return <code className="break-all text-xs">{json.length > 300 ? `${json.slice(0, 300)}…` : json}</code>;
}

function Changes({ changes, currency }: { changes: FieldChange[]; currency: string }) {
  return (
    <ul className="mt-1 space-y-0.5">
      {changes.map((c) => (
        <li key={c.field} className="text-sm">
          <span className="text-stone-600">{fieldLabel(c.field)}:</span>{" "}
          <del className="text-red-800"><Value field={c.field} value={c.before} currency={currency} /></del> → <ins className="text-green-800 no-underline"><Value field={c.field} value={c.after} currency={currency} /></ins>
        </li>
      ))}
    </ul>
  );
}

const name = (e: Entry) => (
  <>
    <span className="font-medium">{e.label}</span> <span className="text-xs text-stone-700">({e.group ? `${e.group}/` : ""}{e.id}{e.kind ? `, ${e.kind}` : ""})</span>
  </>
);

/** Key figures of an added or removed entry (price, lead days, hours) so a reader sees what came or went. */
function Brief({ entry, currency }: { entry: Entry; currency: string }) {
  const facts = ["priceCents", "priceCentsPerUnit", "leadDays", "productionHours", "hours", "workCentre", "amountCents", "percent"]
    .filter((k) => entry.value[k] !== undefined)
    .map((k) => `${fieldLabel(k)} ${isMoneyField(k) && typeof entry.value[k] === "number" ? formatCents(entry.value[k], currency) : String(entry.value[k])}`);
  const options = Array.isArray(entry.value.options) ? `${entry.value.options.length} option(s)` : null;
  const all = [...facts, ...(options ? [options] : [])];
  return all.length ? <span className="text-xs text-stone-600"> · {all.join(" · ")}</span> : null;
}

function Section({ title, id, diff, currency, extra }: { title: string; id: string; diff: CollectionDiff; currency: string; extra?: React.ReactNode }) {
  const count = diff.added.length + diff.removed.length + diff.changed.length;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">{title} <span className="text-sm font-normal text-stone-600">({count ? `${count} change(s)` : "no changes"})</span></h2>
      {extra}
      {count ? (
        <ul className="mt-2 space-y-2">
          {diff.added.map((e) => <li key={`a-${e.group ?? ""}-${e.id}`} className="rounded-md border-l-4 border-green-600 bg-green-50 px-3 py-2 text-sm"><span className="mr-1 rounded bg-green-700 px-1.5 text-xs font-semibold text-white">Added</span>{name(e)}<Brief entry={e} currency={currency} /></li>)}
          {diff.removed.map((e) => <li key={`r-${e.group ?? ""}-${e.id}`} className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm"><span className="mr-1 rounded bg-red-700 px-1.5 text-xs font-semibold text-white">Removed</span>{name(e)}<Brief entry={e} currency={currency} /></li>)}
          {diff.changed.map((e: ChangedEntry) => (
            <li key={`c-${e.group ?? ""}-${e.id}`} className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm">
              <span className="mr-1 rounded bg-amber-700 px-1.5 text-xs font-semibold text-white">Changed</span>{name(e)}
              <Changes changes={e.changes} currency={currency} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The differences between two versions, section by section. */
export function VersionDiffView({ diff, currency }: { diff: VersionDiff; currency: string }) {
  if (diff.same) return <p role="status" className="rounded-md bg-stone-100 p-3 text-sm">These versions define the same product: no differences.</p>;
  return (
    <div className="space-y-4">
      <section aria-labelledby="diff-fields" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="diff-fields" className="text-lg font-semibold">Base and prices <span className="text-sm font-normal text-stone-600">({diff.fields.length ? `${diff.fields.length} change(s)` : "no changes"})</span></h2>
        {diff.fields.length ? <Changes changes={diff.fields} currency={currency} /> : null}
      </section>
      <Section title="Option groups" id="diff-groups" diff={diff.groups} currency={currency} />
      <Section title="Options" id="diff-options" diff={diff.options} currency={currency} />
      <Section title="Rules" id="diff-rules" diff={diff.rules} currency={currency} />
      <Section title="Routing operations" id="diff-routing" diff={diff.routing} currency={currency} extra={diff.routing.reordered ? <p className="mt-1 text-sm text-amber-900">The order of the operations changed.</p> : null} />
    </div>
  );
}
