"use client";

import { memo, useState } from "react";
import type { Definition, Group, Option } from "@/lib/configurator";
import { MAX_OPTIONS_PER_GROUP } from "@/lib/configurator/definition/limits";
import { rulesReferring } from "@/lib/configurator/definition/rename";
import { CheckboxInput, IdInput, MoneyInput, NumberInput, PathErrors, SelectInput, SmallButton, TextInput, type ErrorsAt } from "./fields";
import { OperationSelect } from "./routing-editor";
import { move } from "./move";

type GroupType = Group["type"];

const TYPE_LABELS: Record<GroupType, string> = { single: "Single choice", multi: "Multiple choice", number: "Number", text: "Text" };

/** Options shown per page of a group's list: a group may have 200, and each row is a dozen inputs. */
export const OPTIONS_PER_PAGE = 25;

/** In a definition with more options than this, option lists start folded (one button each opens them). */
export const FOLD_OPTIONS_OVER = 60;

/** Converts a group to another type, keeping id, label, description and (where they fit) options and defaults. */
export function convertGroup(group: Group, type: GroupType): Group {
  const base = { id: group.id, label: group.label, description: group.description, required: group.required };
  const options: Option[] = group.type === "single" || group.type === "multi" ? group.options : [newOption([], 1)];
  switch (type) {
    case "single": {
      const first = group.type === "multi" ? group.default?.[0] : group.type === "single" ? group.default : undefined;
      return { ...base, type, display: group.type === "multi" ? group.display ?? "radio" : "radio", options, ...(first ? { default: first } : {}) };
    }
    case "multi": {
      const chosen = group.type === "single" && group.default ? [group.default] : group.type === "multi" ? group.default : undefined;
      return { ...base, type, display: group.type === "single" ? group.display ?? "card" : "card", options, required: false, ...(chosen ? { default: chosen } : {}) };
    }
    case "number":
      return { ...base, type, unit: "cm", min: 0, max: 100, step: 1, priceCentsPerUnit: 0, productionHoursPerUnit: 0 };
    case "text":
      return { ...base, type, maxLength: 20, priceCents: 0 };
  }
}

/** What changing a group's type would lose: its options (listed) and the rules that refer to them. */
export function typeChangeLoss(group: Group, type: GroupType, definition: Pick<Definition, "groups" | "rules">): { options: Option[]; rules: string[] } | null {
  if ((group.type !== "single" && group.type !== "multi") || type === "single" || type === "multi") return null;
  if (group.options.length === 0) return null;
  const rules = rulesReferring(definition as Definition, group.id, group.options.map((o) => o.id));
  return { options: group.options, rules };
}

/** An option with an id not used in the group yet. */
export function newOption(existing: Option[], n: number): Option {
  let i = n;
  while (existing.some((o) => o.id === `option-${i}`)) i++;
  return { id: `option-${i}`, label: `Option ${i}`, priceCents: 0, leadDays: 0, productionHours: 0 };
}

const listOf = (names: string[], max = 6) => (names.length > max ? `${names.slice(0, max).join(", ")} and ${names.length - max} more` : names.join(", "));

type Props = {
  group: Group;
  index: number;
  count: number;
  /** The definition for the routing, the preview layers and the rules (its groups may be out of date: use `group`). */
  definition: Definition;
  /** True when the definition is large: the option list starts folded. */
  folded?: boolean;
  errorsAt: ErrorsAt;
  onChange: (index: number, g: Group) => void;
  onMove: (index: number, to: number) => void;
  onRemove: (index: number) => void;
  /** Renames the group's id and the references to it; returns why it refused, or null. */
  onRenameGroup: (from: string, to: string) => string | null;
  /** Renames one of its options' ids and the references to it; returns why it refused, or null. */
  onRenameOption: (groupId: string, from: string, to: string) => string | null;
};

/** Edits one option group: its settings by type, and its options (a page of them at a time). */
export const GroupEditor = memo(function GroupEditor({ group, index, count, definition, folded = false, errorsAt, onChange: change, onMove, onRemove, onRenameGroup, onRenameOption }: Props) {
  const p = `groups.${index}`;
  const layers = definition.preview?.layers.map((l) => l.id) ?? [];
  const onChange = (g: Group) => change(index, g);
  const set = (patch: Partial<Group>) => onChange({ ...group, ...patch } as Group);
  const [pendingType, setPendingType] = useState<GroupType | null>(null);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState(() => !folded);
  const loss = pendingType ? typeChangeLoss(group, pendingType, definition) : null;
  const chooseType = (type: GroupType) => {
    if (typeChangeLoss(group, type, definition)) setPendingType(type);
    else {
      setPendingType(null);
      onChange(convertGroup(group, type));
    }
  };

  const options = group.type === "single" || group.type === "multi" ? group.options : [];
  const pages = Math.max(1, Math.ceil(options.length / OPTIONS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const first = current * OPTIONS_PER_PAGE;
  const shown = options.slice(first, first + OPTIONS_PER_PAGE);
  // Problems in options on other pages are counted here, so none goes unseen.
  const hiddenProblems = options
    .map((_, i) => i)
    .filter((i) => (i < first || i >= first + OPTIONS_PER_PAGE) && errorsAt.under?.(`${p}.options.${i}`));
  return (
    <section aria-labelledby={`${p}-title`} className="rounded-lg border border-stone-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${p}-title`} className="mr-auto font-semibold">
          {index + 1}. {group.label || "Untitled group"} <span className="text-xs font-normal text-stone-500">({group.type})</span>
        </h3>
        <SmallButton label={`Move ${group.label} up`} onClick={() => onMove(index, index - 1)} disabled={index === 0}>↑</SmallButton>
        <SmallButton label={`Move ${group.label} down`} onClick={() => onMove(index, index + 1)} disabled={index === count - 1}>↓</SmallButton>
        <SmallButton label={`Remove group ${group.label}`} tone="danger" onClick={() => onRemove(index)}>Remove</SmallButton>
      </div>
      <PathErrors path={p} errorsAt={errorsAt} />
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <IdInput label="Id" path={`${p}.id`} errorsAt={errorsAt} value={group.id} onCommit={(id) => onRenameGroup(group.id, id)} hint="Used by rules and links" />
        <TextInput label="Label" path={`${p}.label`} errorsAt={errorsAt} value={group.label} onChange={(label) => set({ label })} />
        <SelectInput label="Type" path={`${p}.type`} errorsAt={errorsAt} value={pendingType ?? group.type} onChange={(t) => chooseType(t as GroupType)} options={(Object.keys(TYPE_LABELS) as GroupType[]).map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
        <div className="flex items-end pb-2"><CheckboxInput label="Required" path={`${p}.required`} checked={group.required} onChange={(required) => set({ required })} /></div>
        {loss && pendingType ? (
          <div role="alert" className="col-span-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 sm:col-span-4">
            <p>
              Changing {group.label || group.id} to {TYPE_LABELS[pendingType].toLowerCase()} drops its {loss.options.length} option{loss.options.length === 1 ? "" : "s"}: {listOf(loss.options.map((o) => o.label || o.id))}.
            </p>
            {loss.rules.length ? <p className="mt-1">Rules that refer to them will need changing: {listOf(loss.rules)}.</p> : null}
            <div className="mt-2 flex flex-wrap gap-2">
              <SmallButton tone="danger" onClick={() => { setPendingType(null); onChange(convertGroup(group, pendingType)); }}>Drop {loss.options.length} option{loss.options.length === 1 ? "" : "s"} and change the type</SmallButton>
              <SmallButton onClick={() => setPendingType(null)}>Keep the options</SmallButton>
            </div>
          </div>
        ) : null}
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
            <TextInput label="Allowed pattern (regex, optional)" path={`${p}.pattern`} errorsAt={errorsAt} value={group.pattern} onChange={(v) => set({ pattern: v || undefined })} hint="RE2 syntax: no look-arounds or back-references" />
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
          <div className="flex flex-wrap items-center gap-2">
            <h4 className="text-sm font-semibold">Options <span className="font-normal text-stone-500">({options.length})</span></h4>
            <SmallButton onClick={() => setOpen(!open)}>{open ? "Fold" : "Show"} the options<span className="sr-only"> of {group.label}</span></SmallButton>
            {!open && errorsAt.under?.(`${p}.options`) ? <span className="text-xs text-red-700">Some options have problems.</span> : null}
          </div>
          <PathErrors path={`${p}.options`} errorsAt={errorsAt} />
          {open ? (<>
          {pages > 1 ? (
            <nav aria-label={`Pages of ${group.label || group.id} options`} className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <SmallButton label={`Previous options of ${group.label}`} onClick={() => setPage(current - 1)} disabled={current === 0}>← Previous</SmallButton>
              <span aria-live="polite">Options {first + 1}–{first + shown.length} of {options.length}</span>
              <SmallButton label={`Next options of ${group.label}`} onClick={() => setPage(current + 1)} disabled={current === pages - 1}>Next →</SmallButton>
              {hiddenProblems.length ? (
                <SmallButton tone="danger" onClick={() => setPage(Math.floor(hiddenProblems[0]! / OPTIONS_PER_PAGE))}>
                  {hiddenProblems.length} option{hiddenProblems.length === 1 ? "" : "s"} with problems on other pages: show the first
                </SmallButton>
              ) : null}
            </nav>
          ) : null}
          <ol className="mt-2 space-y-2" start={first + 1}>
            {shown.map((option, k) => {
              const i = first + k;
              const op = `${p}.options.${i}`;
              const setOption = (patch: Partial<Option>) => set({ options: group.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
              const components = option.components ?? [];
              return (
                <li key={i} className="rounded-md border border-stone-200 bg-stone-50 p-2">
                  <div className="grid grid-cols-2 gap-2 sm:grid-cols-7">
                    <IdInput label="Id" path={`${op}.id`} errorsAt={errorsAt} value={option.id} onCommit={(id) => onRenameOption(group.id, option.id, id)} />
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
                        <div key={k} className="mt-1 grid grid-cols-2 items-end gap-1 sm:grid-cols-[1fr_1.6fr_4rem_4rem_5.5rem_auto]">
                          <TextInput label="SKU" path={`${op}.components.${k}.sku`} errorsAt={errorsAt} value={c.sku} onChange={(sku) => setOption({ components: components.map((x, m) => (m === k ? { ...x, sku } : x)) })} />
                          <TextInput label="Component" path={`${op}.components.${k}.name`} errorsAt={errorsAt} value={c.name} onChange={(name) => setOption({ components: components.map((x, m) => (m === k ? { ...x, name: name || undefined } : x)) })} />
                          <TextInput label="Unit" path={`${op}.components.${k}.unit`} errorsAt={errorsAt} value={c.unit} onChange={(unit) => setOption({ components: components.map((x, m) => (m === k ? { ...x, unit: unit || undefined } : x)) })} />
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
          </>) : null}
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <SmallButton disabled={options.length >= MAX_OPTIONS_PER_GROUP} onClick={() => { set({ options: [...group.options, newOption(group.options, group.options.length + 1)] }); setPage(Math.floor(group.options.length / OPTIONS_PER_PAGE)); }}>Add option<span className="sr-only"> to {group.label}</span></SmallButton>
            {options.length >= MAX_OPTIONS_PER_GROUP ? <span className="text-xs text-stone-600">A group has at most {MAX_OPTIONS_PER_GROUP} options.</span> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
});

export { move };
