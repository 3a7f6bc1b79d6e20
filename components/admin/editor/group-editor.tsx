"use client";

import type { Definition, Group, Option } from "@/lib/configurator";
import { CheckboxInput, MoneyInput, NumberInput, PathErrors, SelectInput, SmallButton, TextInput, type ErrorsAt } from "./fields";
import { OperationSelect } from "./routing-editor";
import { move } from "./move";

type GroupType = Group["type"];

/** Converts a group to another type, keeping id, label, description and (where they fit) options. */
export function convertGroup(group: Group, type: GroupType): Group {
  const base = { id: group.id, label: group.label, description: group.description, required: group.required };
  const options: Option[] = group.type === "single" || group.type === "multi" ? group.options : [newOption([], 1)];
  switch (type) {
    case "single":
      return { ...base, type, display: "radio", options };
    case "multi":
      return { ...base, type, display: "card", options, required: false };
    case "number":
      return { ...base, type, unit: "cm", min: 0, max: 100, step: 1, priceCentsPerUnit: 0, productionHoursPerUnit: 0 };
    case "text":
      return { ...base, type, maxLength: 20, priceCents: 0 };
  }
}

/** An option with an id not used in the group yet. */
export function newOption(existing: Option[], n: number): Option {
  let i = n;
  while (existing.some((o) => o.id === `option-${i}`)) i++;
  return { id: `option-${i}`, label: `Option ${i}`, priceCents: 0, leadDays: 0, productionHours: 0 };
}


type Props = { group: Group; index: number; count: number; definition: Definition; errorsAt: ErrorsAt; onChange: (g: Group) => void; onMove: (to: number) => void; onRemove: () => void };

/** Edits one option group: its settings by type, and its options. */
export function GroupEditor({ group, index, count, definition, errorsAt, onChange, onMove, onRemove }: Props) {
  const p = `groups.${index}`;
  const layers = definition.preview?.layers.map((l) => l.id) ?? [];
  const set = (patch: Partial<Group>) => onChange({ ...group, ...patch } as Group);
  return (
    <section aria-labelledby={`${p}-title`} className="rounded-lg border border-stone-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${p}-title`} className="mr-auto font-semibold">
          {index + 1}. {group.label || "Untitled group"} <span className="text-xs font-normal text-stone-500">({group.type})</span>
        </h3>
        <SmallButton label={`Move ${group.label} up`} onClick={() => onMove(index - 1)} disabled={index === 0}>↑</SmallButton>
        <SmallButton label={`Move ${group.label} down`} onClick={() => onMove(index + 1)} disabled={index === count - 1}>↓</SmallButton>
        <SmallButton label={`Remove group ${group.label}`} tone="danger" onClick={onRemove}>Remove</SmallButton>
      </div>
      <PathErrors path={p} errorsAt={errorsAt} />
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <TextInput label="Id" path={`${p}.id`} errorsAt={errorsAt} value={group.id} onChange={(id) => set({ id })} hint="Used by rules and links" />
        <TextInput label="Label" path={`${p}.label`} errorsAt={errorsAt} value={group.label} onChange={(label) => set({ label })} />
        <SelectInput label="Type" path={`${p}.type`} errorsAt={errorsAt} value={group.type} onChange={(t) => onChange(convertGroup(group, t as GroupType))} options={[{ value: "single", label: "Single choice" }, { value: "multi", label: "Multiple choice" }, { value: "number", label: "Number" }, { value: "text", label: "Text" }]} />
        <div className="flex items-end pb-2"><CheckboxInput label="Required" path={`${p}.required`} checked={group.required} onChange={(required) => set({ required })} /></div>
        <TextInput className="col-span-2 sm:col-span-4" label="Description (optional)" path={`${p}.description`} errorsAt={errorsAt} value={group.description} onChange={(d) => set({ description: d || undefined })} />
        {group.type === "single" || group.type === "multi" ? (
          <>
            <SelectInput label="Display" path={`${p}.display`} errorsAt={errorsAt} value={group.display ?? "radio"} onChange={(d) => set({ display: d as "radio" })} options={[{ value: "radio", label: "Radio list" }, { value: "card", label: "Cards" }, { value: "swatch", label: "Colour swatches" }]} />
            {group.type === "single" ? (
              <SelectInput label="Default" path={`${p}.default`} errorsAt={errorsAt} value={group.default ?? ""} onChange={(d) => set({ default: d || undefined })} options={[{ value: "", label: "No default" }, ...group.options.map((o) => ({ value: o.id, label: o.label }))]} />
            ) : (
              <>
                <NumberInput label="Min. count" path={`${p}.minCount`} errorsAt={errorsAt} value={group.minCount} optional step={1} onChange={(v) => set({ minCount: v })} />
                <NumberInput label="Max. count" path={`${p}.maxCount`} errorsAt={errorsAt} value={group.maxCount} optional step={1} onChange={(v) => set({ maxCount: v })} />
              </>
            )}
          </>
        ) : null}
        {group.type === "number" ? (
          <>
            <TextInput label="Unit" path={`${p}.unit`} errorsAt={errorsAt} value={group.unit} onChange={(unit) => set({ unit })} />
            <NumberInput label="Minimum" path={`${p}.min`} errorsAt={errorsAt} value={group.min} onChange={(v) => set({ min: v })} />
            <NumberInput label="Maximum" path={`${p}.max`} errorsAt={errorsAt} value={group.max} onChange={(v) => set({ max: v })} />
            <NumberInput label="Step" path={`${p}.step`} errorsAt={errorsAt} value={group.step} onChange={(v) => set({ step: v })} />
            <NumberInput label="Default (optional)" path={`${p}.default`} errorsAt={errorsAt} value={group.default} optional onChange={(v) => set({ default: v })} />
            <MoneyInput label={`Price per ${group.unit || "unit"}`} path={`${p}.priceCentsPerUnit`} errorsAt={errorsAt} value={group.priceCentsPerUnit} onChange={(v) => set({ priceCentsPerUnit: v })} />
            <NumberInput label={`Production hours per ${group.unit || "unit"}`} path={`${p}.productionHoursPerUnit`} errorsAt={errorsAt} value={group.productionHoursPerUnit} onChange={(v) => set({ productionHoursPerUnit: v })} />
            <OperationSelect path={`${p}.operation`} value={group.operation} definition={definition} errorsAt={errorsAt} onChange={(operation) => set({ operation })} />
            <NumberInput label={`Lead days per ${group.unit || "unit"} (optional)`} path={`${p}.leadDaysPerUnit`} errorsAt={errorsAt} value={group.leadDaysPerUnit} optional onChange={(v) => set({ leadDaysPerUnit: v })} />
          </>
        ) : null}
        {group.type === "text" ? (
          <>
            <NumberInput label="Max. length" path={`${p}.maxLength`} errorsAt={errorsAt} value={group.maxLength} step={1} onChange={(v) => set({ maxLength: v })} />
            <TextInput label="Allowed pattern (regex, optional)" path={`${p}.pattern`} errorsAt={errorsAt} value={group.pattern} onChange={(v) => set({ pattern: v || undefined })} />
            <TextInput label="Pattern message" path={`${p}.patternMessage`} errorsAt={errorsAt} value={group.patternMessage} onChange={(v) => set({ patternMessage: v || undefined })} />
            <MoneyInput label="Price when filled" path={`${p}.priceCents`} errorsAt={errorsAt} value={group.priceCents} onChange={(v) => set({ priceCents: v })} />
            <NumberInput label="Lead days when filled (optional)" path={`${p}.leadDays`} errorsAt={errorsAt} value={group.leadDays} optional step={1} onChange={(v) => set({ leadDays: v })} />
            <NumberInput label="Production hours when filled (optional)" path={`${p}.productionHours`} errorsAt={errorsAt} value={group.productionHours} optional onChange={(v) => set({ productionHours: v })} />
            <OperationSelect path={`${p}.operation`} value={group.operation} definition={definition} errorsAt={errorsAt} onChange={(operation) => set({ operation })} />
          </>
        ) : null}
      </div>
      {group.type === "single" || group.type === "multi" ? (
        <div className="mt-4">
          <h4 className="text-sm font-semibold">Options</h4>
          <PathErrors path={`${p}.options`} errorsAt={errorsAt} />
          <ol className="mt-2 space-y-2">
            {group.options.map((option, i) => {
              const op = `${p}.options.${i}`;
              const setOption = (patch: Partial<Option>) => set({ options: group.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
              const components = option.components ?? [];
              return (
                <li key={i} className="rounded-md border border-stone-200 bg-stone-50 p-2">
                  <div className="grid grid-cols-2 gap-2 sm:grid-cols-7">
                    <TextInput label="Id" path={`${op}.id`} errorsAt={errorsAt} value={option.id} onChange={(id) => setOption({ id })} />
                    <TextInput label="Label" path={`${op}.label`} errorsAt={errorsAt} value={option.label} onChange={(label) => setOption({ label })} />
                    <MoneyInput label="Price" path={`${op}.priceCents`} errorsAt={errorsAt} value={option.priceCents} onChange={(v) => setOption({ priceCents: v })} />
                    <NumberInput label="Lead days" path={`${op}.leadDays`} errorsAt={errorsAt} value={option.leadDays} step={1} onChange={(v) => setOption({ leadDays: v })} />
                    <NumberInput label="Production h" path={`${op}.productionHours`} errorsAt={errorsAt} value={option.productionHours} onChange={(v) => setOption({ productionHours: v })} />
                    <OperationSelect path={`${op}.operation`} value={option.operation} definition={definition} errorsAt={errorsAt} onChange={(operation) => setOption({ operation })} />
                    <div className="flex items-end gap-1 pb-1">
                      <SmallButton label={`Move ${option.label} up`} onClick={() => set({ options: move(group.options, i, i - 1) })} disabled={i === 0}>↑</SmallButton>
                      <SmallButton label={`Move ${option.label} down`} onClick={() => set({ options: move(group.options, i, i + 1) })} disabled={i === group.options.length - 1}>↓</SmallButton>
                      <SmallButton label={`Remove option ${option.label}`} tone="danger" onClick={() => set({ options: group.options.filter((_, j) => j !== i) })}>✕</SmallButton>
                    </div>
                    <TextInput className="col-span-2" label="Description (optional)" path={`${op}.description`} errorsAt={errorsAt} value={option.description} onChange={(d) => setOption({ description: d || undefined })} />
                    <TextInput label="Preview colour" path={`${op}.preview.color`} errorsAt={errorsAt} value={option.preview?.color} hint="#c49a6c" onChange={(color) => setOption({ preview: color || option.preview?.layer ? { ...option.preview, color: color || undefined } : undefined })} />
                    <SelectInput label="Preview layer" path={`${op}.preview.layer`} errorsAt={errorsAt} value={option.preview?.layer ?? ""} onChange={(layer) => setOption({ preview: layer || option.preview?.color ? { ...option.preview, layer: layer || undefined } : undefined })} options={[{ value: "", label: "None" }, ...layers.map((l) => ({ value: l, label: l }))]} />
                    <div className="col-span-2">
                      <p className="text-xs font-medium text-stone-700">Components (bill of materials)</p>
                      <PathErrors path={`${op}.components`} errorsAt={errorsAt} />
                      {components.map((c, k) => (
                        <div key={k} className="mt-1 grid grid-cols-[1fr_4rem_5.5rem_auto] items-end gap-1">
                          <TextInput label="SKU" path={`${op}.components.${k}.sku`} errorsAt={errorsAt} value={c.sku} onChange={(sku) => setOption({ components: components.map((x, m) => (m === k ? { ...x, sku } : x)) })} />
                          <NumberInput label="Qty" path={`${op}.components.${k}.quantity`} errorsAt={errorsAt} value={c.quantity} onChange={(q) => setOption({ components: components.map((x, m) => (m === k ? { ...x, quantity: q ?? Number.NaN } : x)) })} />
                          <NumberInput label="Supply days" path={`${op}.components.${k}.supplyDays`} errorsAt={errorsAt} value={c.supplyDays} optional step={1} onChange={(d) => setOption({ components: components.map((x, m) => (m === k ? { ...x, supplyDays: d } : x)) })} />
                          <SmallButton label={`Remove component ${c.sku}`} tone="danger" onClick={() => setOption({ components: components.filter((_, m) => m !== k).length ? components.filter((_, m) => m !== k) : undefined })}>✕</SmallButton>
                        </div>
                      ))}
                      <div className="mt-1"><SmallButton onClick={() => setOption({ components: [...components, { sku: "SKU-1", quantity: 1 }] })}>Add component<span className="sr-only"> to {option.label}</span></SmallButton></div>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="mt-2"><SmallButton onClick={() => set({ options: [...group.options, newOption(group.options, group.options.length + 1)] })}>Add option<span className="sr-only"> to {group.label}</span></SmallButton></div>
        </div>
      ) : null}
    </section>
  );
}

export { move };
