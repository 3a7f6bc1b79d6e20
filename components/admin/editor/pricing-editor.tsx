"use client";

import { useState } from "react";
import type { Definition, FormulaPrice, Pricing, PriceTable, QuantityTier } from "@/lib/configurator";
import { CheckboxInput, MoneyInput, NumberInput, PathErrors, SelectInput, SmallButton, TextInput, type ErrorsAt } from "./fields";
import { ConditionEditor, newCondition } from "./condition-editor";

// The Pricing section of the definition editor: formula prices (a measured quantity x a rate), price
// tables (by the bands of one or two number groups), quantity tiers, and hours formulas on the routing.
// Every field shows the schema's own message (e.g. "Unknown name 'widht' at 1") at the field.

type Props = { definition: Definition; currency: string; errorsAt: ErrorsAt; onChange: (d: Definition) => void };

const FUNCTIONS_HINT = "min, max, round, ceil, floor, abs, if(cond, a, b), chosen(\"group\", \"option\"), value(\"group-id\")";

function uniqueItemId(prefix: string, pricing: Pricing): string {
  const taken = new Set([...(pricing.formulas ?? []).map((f) => f.id), ...(pricing.tables ?? []).map((t) => t.id)]);
  let i = 1;
  while (taken.has(`${prefix}-${i}`)) i++;
  return `${prefix}-${i}`;
}

/** Drops empty lists, and the whole pricing object when nothing is left. */
function tidy(definition: Definition, pricing: Pricing): Definition {
  const next: Pricing = {};
  if (pricing.formulas?.length) next.formulas = pricing.formulas;
  if (pricing.tables?.length) next.tables = pricing.tables;
  if (pricing.tiers?.length) next.tiers = pricing.tiers;
  const { pricing: _old, ...rest } = definition;
  return Object.keys(next).length ? { ...rest, pricing: next } : rest;
}

/** "100, 150, 200" <-> [100, 150, 200]; a part that is not a number becomes NaN, which the schema reports at its band. */
function BandsInput({ path, label, value, errorsAt, onChange }: { path: string; label: string; value: number[]; errorsAt: ErrorsAt; onChange: (bands: number[]) => void }) {
  const [text, setText] = useState(value.join(", "));
  const bandErrors = value.flatMap((_, k) => errorsAt(`${path}.${k}`));
  return (
    <div>
      <TextInput
        label={label}
        path={path}
        hint="Up to these values, separated by commas (e.g. 100, 150, 200); the last must reach the group's maximum."
        errorsAt={(p) => [...errorsAt(p), ...(p === path ? bandErrors : [])]}
        value={text}
        onChange={(next) => {
          setText(next);
          onChange(next.split(",").map((part) => part.trim()).filter((part) => part !== "").map(Number));
        }}
      />
    </div>
  );
}

/** One price of a table's grid: money in currency units, its label read by screen readers only (the grid's headers say it). */
function PriceCell({ label, path, value, errorsAt, onChange }: { label: string; path: string; value: number | undefined; errorsAt: ErrorsAt; onChange: (cents: number) => void }) {
  const id = `f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const errors = errorsAt(path);
  return (
    <div>
      <label htmlFor={id} className="sr-only">{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={0.01}
        value={value === undefined || Number.isNaN(value) ? "" : value / 100}
        onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Math.round(Number(e.target.value) * 100))}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        className={`block w-28 rounded-md border bg-white px-2 py-1.5 text-base sm:text-sm ${errors.length ? "border-red-500" : "border-stone-300"}`}
      />
      {errors.length ? <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}

export function PricingEditor({ definition, currency, errorsAt, onChange }: Props) {
  const pricing = definition.pricing ?? {};
  const formulas = pricing.formulas ?? [];
  const tables = pricing.tables ?? [];
  const tiers = pricing.tiers ?? [];
  const numberGroups = definition.groups.filter((g) => g.type === "number");
  const names = [...numberGroups.map((g) => g.id), "quantity"].join(", ");
  const set = (patch: Pricing) => onChange(tidy(definition, { ...pricing, ...patch }));
  const setFormula = (i: number, patch: Partial<FormulaPrice>) => set({ formulas: formulas.map((f, k) => (k === i ? ({ ...f, ...patch } as FormulaPrice) : f)) });
  const setTable = (i: number, next: PriceTable) => set({ tables: tables.map((t, k) => (k === i ? next : t)) });
  const setTier = (i: number, patch: Partial<QuantityTier>) => set({ tiers: tiers.map((t, k) => (k === i ? { ...t, ...patch } : t)) });
  const firstNumber = numberGroups[0]?.id ?? "";
  const groupChoices = [{ value: "", label: "Choose a number group" }, ...numberGroups.map((g) => ({ value: g.id, label: `${g.label} (${g.id})` }))];

  const newTable = (): PriceTable => ({
    id: uniqueItemId("table", pricing),
    label: `Price table ${tables.length + 1}`,
    rows: { group: firstNumber, upTo: numberGroups[0] ? [numberGroups[0].max] : [100] },
    cents: [[0]],
  });

  return (
    <section aria-labelledby="pricing-title" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <div>
        <h2 id="pricing-title" className="text-lg font-semibold">Pricing</h2>
        <p className="mt-1 text-sm text-stone-600">
          Prices computed from the configuration. A formula may use the number groups ({names || "none yet"}), numbers, + − × / (write * and /), comparisons, and/or/not, and {FUNCTIONS_HINT}.
        </p>
      </div>

      <div className="space-y-2" role="group" aria-labelledby="formula-prices-title">
        <h3 id="formula-prices-title" className="font-semibold">Formula prices</h3>
        {formulas.length === 0 ? <p className="text-sm text-stone-600">None: e.g. fabric priced per m² with the formula width * height / 10000.</p> : null}
        <ol className="space-y-2">
          {formulas.map((item, i) => {
            const p = `pricing.formulas.${i}`;
            const name = item.label || item.id;
            return (
              <li key={i} className="rounded-md border border-stone-200 bg-stone-50 p-2 sm:p-3" aria-labelledby={`${p}-title`} data-testid={`formula-price-${i}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h4 id={`${p}-title`} className="mr-auto text-sm font-semibold">Formula price: {name}</h4>
                  <SmallButton label={`Remove formula price ${name}`} tone="danger" onClick={() => set({ formulas: formulas.filter((_, k) => k !== i) })}>Remove</SmallButton>
                </div>
                <PathErrors path={p} errorsAt={errorsAt} />
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  <TextInput label="Id" path={`${p}.id`} errorsAt={errorsAt} value={item.id} onChange={(id) => setFormula(i, { id })} />
                  <TextInput label="Label" path={`${p}.label`} errorsAt={errorsAt} value={item.label} onChange={(label) => setFormula(i, { label })} />
                  <TextInput className="col-span-2" label="Quantity formula" path={`${p}.quantity`} errorsAt={errorsAt} value={item.quantity} maxLength={500} hint="e.g. width * height / 10000" onChange={(quantity) => setFormula(i, { quantity })} />
                  <TextInput label="Unit" path={`${p}.unit`} errorsAt={errorsAt} value={item.unit} onChange={(unit) => setFormula(i, { unit })} />
                  <NumberInput label="Decimals of the quantity" path={`${p}.decimals`} step={1} errorsAt={errorsAt} value={item.decimals} onChange={(decimals) => setFormula(i, { decimals: decimals ?? Number.NaN })} />
                  <MoneyInput label={`Rate per unit (${currency})`} path={`${p}.rateCents`} errorsAt={errorsAt} value={item.rateCents} onChange={(rateCents) => setFormula(i, { rateCents: rateCents ?? Number.NaN })} />
                  <NumberInput label="Minimum quantity (optional)" path={`${p}.minQuantity`} optional errorsAt={errorsAt} value={item.minQuantity} onChange={(minQuantity) => setFormula(i, { minQuantity })} />
                  <NumberInput label="Maximum quantity (optional)" path={`${p}.maxQuantity`} optional errorsAt={errorsAt} value={item.maxQuantity} onChange={(maxQuantity) => setFormula(i, { maxQuantity })} />
                </div>
                <div className="mt-2 space-y-2">
                  <CheckboxInput label="Only when a condition holds" path={`${p}.has-when`} checked={item.when !== undefined} onChange={(on) => {
                    const { when: _old, ...rest } = item;
                    set({ formulas: formulas.map((f, k) => (k === i ? (on ? { ...rest, when: newCondition("selected", definition) } : rest) : f)) });
                  }} />
                  {item.when ? <ConditionEditor condition={item.when} definition={definition} path={`${p}.when`} errorsAt={errorsAt} label={`Condition of ${name}`} onChange={(when) => setFormula(i, { when })} /> : null}
                </div>
              </li>
            );
          })}
        </ol>
        <SmallButton onClick={() => set({ formulas: [...formulas, { id: uniqueItemId("formula", pricing), label: `Formula price ${formulas.length + 1}`, quantity: numberGroups.length >= 2 ? `${numberGroups[0]!.id} * ${numberGroups[1]!.id} / 10000` : "1", unit: numberGroups.length >= 2 ? "m²" : "unit", decimals: 2, rateCents: 0 }] })}>Add formula price</SmallButton>
      </div>

      <div className="space-y-2" role="group" aria-labelledby="price-tables-title">
        <h3 id="price-tables-title" className="font-semibold">Price tables</h3>
        {tables.length === 0 ? <p className="text-sm text-stone-600">None: a price looked up by width bands (and height bands), as blinds and windows are priced.</p> : null}
        <ol className="space-y-2">
          {tables.map((table, i) => {
            const p = `pricing.tables.${i}`;
            const name = table.label || table.id;
            const columnBands = table.columns?.upTo ?? [];
            const columns = table.columns ? columnBands.length : 1;
            // The grid follows the bands: missing cells start at 0, extra ones are dropped.
            const resize = (rows: number, cols: number, cents = table.cents) =>
              Array.from({ length: Math.max(1, rows) }, (_, r) => Array.from({ length: Math.max(1, cols) }, (_, c) => cents[r]?.[c] ?? 0));
            return (
              <li key={i} className="rounded-md border border-stone-200 bg-stone-50 p-2 sm:p-3" aria-labelledby={`${p}-title`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h4 id={`${p}-title`} className="mr-auto text-sm font-semibold">Price table: {name}</h4>
                  <SmallButton label={`Remove price table ${name}`} tone="danger" onClick={() => set({ tables: tables.filter((_, k) => k !== i) })}>Remove</SmallButton>
                </div>
                <PathErrors path={p} errorsAt={errorsAt} />
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  <TextInput label="Id" path={`${p}.id`} errorsAt={errorsAt} value={table.id} onChange={(id) => setTable(i, { ...table, id })} />
                  <TextInput label="Label" path={`${p}.label`} errorsAt={errorsAt} value={table.label} onChange={(label) => setTable(i, { ...table, label })} />
                  <SelectInput label="Rows: group" path={`${p}.rows.group`} errorsAt={errorsAt} value={table.rows.group} options={groupChoices} onChange={(group) => setTable(i, { ...table, rows: { ...table.rows, group } })} />
                  <BandsInput label="Rows: bands up to" path={`${p}.rows.upTo`} errorsAt={errorsAt} value={table.rows.upTo} onChange={(upTo) => setTable(i, { ...table, rows: { ...table.rows, upTo }, cents: resize(upTo.length, columns) })} />
                  <SelectInput label="Columns: group (optional)" path={`${p}.columns.group`} errorsAt={errorsAt} value={table.columns?.group ?? ""} options={[{ value: "", label: "No columns" }, ...groupChoices.slice(1)]} onChange={(group) => {
                    if (!group) {
                      const { columns: _old, ...rest } = table;
                      setTable(i, { ...rest, cents: resize(table.rows.upTo.length, 1) });
                    } else {
                      const upTo = table.columns?.upTo ?? [numberGroups.find((g) => g.id === group)?.max ?? 100];
                      setTable(i, { ...table, columns: { group, upTo }, cents: resize(table.rows.upTo.length, upTo.length) });
                    }
                  }} />
                  {table.columns ? (
                    <BandsInput label="Columns: bands up to" path={`${p}.columns.upTo`} errorsAt={errorsAt} value={columnBands} onChange={(upTo) => setTable(i, { ...table, columns: { group: table.columns!.group, upTo }, cents: resize(table.rows.upTo.length, upTo.length) })} />
                  ) : null}
                </div>
                <PathErrors path={`${p}.cents`} errorsAt={errorsAt} />
                <div className="mt-2 overflow-x-auto">
                  <table className="text-sm">
                    <caption className="sr-only">Prices of {name}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="px-1 text-left text-xs font-medium text-stone-600">{table.rows.group || "rows"} up to</th>
                        {(table.columns ? columnBands : [null]).map((band, c) => (
                          <th key={c} scope="col" className="px-1 text-left text-xs font-medium text-stone-600">{band === null ? `Price (${currency})` : `${table.columns!.group} up to ${band}`}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {table.rows.upTo.map((band, r) => (
                        <tr key={r}>
                          <th scope="row" className="px-1 text-left text-xs font-normal">{Number.isNaN(band) ? "?" : band}</th>
                          {Array.from({ length: columns }, (_, c) => (
                            <td key={c} className="min-w-24 px-1 pb-1">
                              <PriceCell label={`Price, row ${r + 1}, column ${c + 1}`} path={`${p}.cents.${r}.${c}`} errorsAt={errorsAt} value={table.cents[r]?.[c]} onChange={(cents) => {
                                const grid = resize(table.rows.upTo.length, columns);
                                grid[r]![c] = cents;
                                setTable(i, { ...table, cents: grid });
                              }} />
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </li>
            );
          })}
        </ol>
        <SmallButton onClick={() => set({ tables: [...tables, newTable()] })} disabled={numberGroups.length === 0}>Add price table</SmallButton>
      </div>

      <div className="space-y-2" role="group" aria-labelledby="tiers-title">
        <h3 id="tiers-title" className="font-semibold">Quantity tiers</h3>
        <p className="text-sm text-stone-600">From a number of units on, each unit costs a percentage less (the largest tier reached applies).</p>
        <ol className="space-y-2">
          {tiers.map((tier, i) => {
            const p = `pricing.tiers.${i}`;
            return (
              <li key={i} className="flex flex-wrap items-end gap-2 rounded-md border border-stone-200 bg-stone-50 p-2">
                <NumberInput label={`Tier ${i + 1}: from quantity`} path={`${p}.minQuantity`} step={1} errorsAt={errorsAt} value={tier.minQuantity} onChange={(minQuantity) => setTier(i, { minQuantity: minQuantity ?? Number.NaN })} />
                <NumberInput label={`Tier ${i + 1}: discount %`} path={`${p}.percent`} errorsAt={errorsAt} value={tier.percent} onChange={(percent) => setTier(i, { percent: percent ?? Number.NaN })} />
                <SmallButton label={`Remove tier ${i + 1}`} tone="danger" onClick={() => set({ tiers: tiers.filter((_, k) => k !== i) })}>Remove</SmallButton>
              </li>
            );
          })}
        </ol>
        <SmallButton onClick={() => set({ tiers: [...tiers, { minQuantity: (tiers[tiers.length - 1]?.minQuantity ?? 0) + 5, percent: 5 }] })}>Add quantity tier</SmallButton>
      </div>

      <div className="space-y-2" role="group" aria-labelledby="hours-formulas-title">
        <h3 id="hours-formulas-title" className="font-semibold">Hours formulas</h3>
        <p className="text-sm text-stone-600">Extra hours per unit for an operation, computed from the configuration (added to its hours per unit).</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {definition.routing.map((operation, i) => (
            <TextInput key={i} label={`Hours formula of ${operation.label || operation.id} (optional)`} path={`routing.${i}.hoursFormula`} errorsAt={errorsAt} value={operation.hoursFormula} maxLength={500} onChange={(text) => {
              const { hoursFormula: _old, ...rest } = operation;
              onChange({ ...definition, routing: definition.routing.map((op, k) => (k === i ? (text.trim() === "" ? rest : { ...rest, hoursFormula: text }) : op)) });
            }} />
          ))}
        </div>
      </div>
    </section>
  );
}
