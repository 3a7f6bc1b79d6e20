"use client";

import type { Condition, Definition } from "@/lib/configurator";
import { compareOps } from "@/lib/configurator/definition/condition-types";
import { NumberInput, PathErrors, SelectInput, SmallButton, type ErrorsAt } from "./fields";

type Kind = "selected" | "compare" | "filled" | "all" | "any" | "not";

const KIND_LABELS: Record<Kind, string> = {
  selected: "Option is chosen",
  compare: "Number compares",
  filled: "Group is filled",
  all: "All of",
  any: "Any of",
  not: "Not",
};

function kindOf(c: Condition): Kind {
  return (Object.keys(c)[0] as Kind | undefined) ?? "selected";
}

/** A fresh condition of a kind, pointing at the first group that fits it. */
export function newCondition(kind: Kind, definition: Definition): Condition {
  const choice = definition.groups.find((g) => g.type === "single" || g.type === "multi");
  const number = definition.groups.find((g) => g.type === "number");
  const firstOption = choice && (choice.type === "single" || choice.type === "multi") ? choice.options[0]?.id ?? "" : "";
  switch (kind) {
    case "selected":
      return { selected: { group: choice?.id ?? "", option: firstOption } };
    case "compare":
      return { compare: { group: number?.id ?? "", op: ">", value: number && number.type === "number" ? number.min : 0 } };
    case "filled":
      return { filled: { group: definition.groups[0]?.id ?? "" } };
    case "all":
      return { all: [newCondition("selected", definition)] };
    case "any":
      return { any: [newCondition("selected", definition)] };
    case "not":
      return { not: newCondition("selected", definition) };
  }
}

type Props = { condition: Condition; onChange: (c: Condition) => void; definition: Definition; path: string; errorsAt: ErrorsAt; label: string; depth?: number };

/** A structured condition builder: pick a group and option, a comparison, or combine conditions. */
export function ConditionEditor({ condition, onChange, definition, path, errorsAt, label, depth = 0 }: Props) {
  const kind = kindOf(condition);
  const choiceGroups = definition.groups.filter((g) => g.type === "single" || g.type === "multi");
  const numberGroups = definition.groups.filter((g) => g.type === "number");
  const groupOptions = (list: typeof definition.groups) => [{ value: "", label: "Choose a group" }, ...list.map((g) => ({ value: g.id, label: `${g.label} (${g.id})` }))];

  return (
    <fieldset className={`rounded-md border border-stone-200 p-2 ${depth % 2 ? "bg-white" : "bg-stone-50"}`}>
      <legend className="px-1 text-xs font-medium text-stone-600">{label}</legend>
      <PathErrors path={path} errorsAt={errorsAt} />
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectInput label="Condition" path={`${path}.kind`} errorsAt={() => []} value={kind} onChange={(k) => onChange(newCondition(k as Kind, definition))} options={(Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        {"selected" in condition ? (() => {
          const group = choiceGroups.find((g) => g.id === condition.selected.group);
          const options = group && (group.type === "single" || group.type === "multi") ? group.options : [];
          return (
            <>
              <SelectInput label="Group" path={`${path}.selected.group`} errorsAt={errorsAt} value={condition.selected.group} onChange={(g) => {
                const next = choiceGroups.find((x) => x.id === g);
                const first = next && (next.type === "single" || next.type === "multi") ? next.options[0]?.id ?? "" : "";
                onChange({ selected: { group: g, option: first } });
              }} options={groupOptions(choiceGroups)} />
              <SelectInput label="Option" path={`${path}.selected.option`} errorsAt={errorsAt} value={condition.selected.option} onChange={(o) => onChange({ selected: { ...condition.selected, option: o } })} options={[{ value: "", label: "Choose an option" }, ...options.map((o) => ({ value: o.id, label: `${o.label} (${o.id})` }))]} />
            </>
          );
        })() : null}
        {"compare" in condition ? (
          <>
            <SelectInput label="Number group" path={`${path}.compare.group`} errorsAt={errorsAt} value={condition.compare.group} onChange={(g) => onChange({ compare: { ...condition.compare, group: g } })} options={groupOptions(numberGroups)} />
            <SelectInput label="Comparison" path={`${path}.compare.op`} errorsAt={errorsAt} value={condition.compare.op} onChange={(op) => onChange({ compare: { ...condition.compare, op: op as (typeof compareOps)[number] } })} options={compareOps.map((op) => ({ value: op, label: op }))} />
            <NumberInput label="Value" path={`${path}.compare.value`} errorsAt={errorsAt} value={condition.compare.value} onChange={(v) => onChange({ compare: { ...condition.compare, value: v ?? Number.NaN } })} />
          </>
        ) : null}
        {"filled" in condition ? (
          <SelectInput label="Group" path={`${path}.filled.group`} errorsAt={errorsAt} value={condition.filled.group} onChange={(g) => onChange({ filled: { group: g } })} options={groupOptions(definition.groups)} />
        ) : null}
      </div>
      {"all" in condition || "any" in condition ? (() => {
        const key = "all" in condition ? "all" : "any";
        const children = "all" in condition ? condition.all : (condition as { any: Condition[] }).any;
        const set = (list: Condition[]) => onChange(key === "all" ? { all: list } : { any: list });
        return (
          <div className="mt-2 space-y-2">
            {children.map((child, i) => (
              <div key={i} className="flex items-start gap-2">
                <div className="flex-1">
                  <ConditionEditor condition={child} onChange={(c) => set(children.map((x, j) => (j === i ? c : x)))} definition={definition} path={`${path}.${key}.${i}`} errorsAt={errorsAt} label={`Part ${i + 1}`} depth={depth + 1} />
                </div>
                <SmallButton label={`Remove part ${i + 1}`} tone="danger" onClick={() => set(children.filter((_, j) => j !== i))}>Remove</SmallButton>
              </div>
            ))}
            <SmallButton onClick={() => set([...children, newCondition("selected", definition)])}>Add part</SmallButton>
          </div>
        );
      })() : null}
      {"not" in condition ? (
        <div className="mt-2">
          <ConditionEditor condition={condition.not} onChange={(c) => onChange({ not: c })} definition={definition} path={`${path}.not`} errorsAt={errorsAt} label="Negated condition" depth={depth + 1} />
        </div>
      ) : null}
    </fieldset>
  );
}
