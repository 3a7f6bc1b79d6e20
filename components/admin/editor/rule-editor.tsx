"use client";

import { memo } from "react";
import type { Definition, Rule } from "@/lib/configurator";
import { ConditionEditor, newCondition } from "./condition-editor";
import { MoneyInput, NumberInput, PathErrors, SelectInput, SmallButton, TextInput, type ErrorsAt } from "./fields";
import { OperationSelect } from "./routing-editor";

type RuleKind = Rule["kind"];

export const RULE_KINDS: Record<RuleKind, string> = {
  requires: "Requires",
  excludes: "Excludes",
  visibleWhen: "Visible when",
  range: "Range",
  price: "Price",
  leadTime: "Lead time",
};

/** A new rule of a kind, with conditions on the definition's first groups. */
export function newRule(kind: RuleKind, definition: Definition, id: string, message = ""): Rule {
  const when = newCondition("selected", definition);
  const base = { id, message: message || `${RULE_KINDS[kind]} rule` };
  switch (kind) {
    case "requires":
    case "excludes":
      return { ...base, kind, when, then: newCondition("selected", definition) };
    case "visibleWhen":
      return { ...base, kind, target: { group: definition.groups[0]?.id ?? "" }, when };
    case "range":
      return { ...base, kind, group: definition.groups.find((g) => g.type === "number")?.id ?? "", when };
    case "price":
      return { ...base, kind, when, amountCents: 0 };
    case "leadTime":
      return { ...base, kind, when, leadDays: 0 };
  }
}

type Props = {
  rule: Rule;
  index: number;
  /** The definition for its groups and routing (its rules may be out of date: use `rule`). */
  definition: Definition;
  errorsAt: ErrorsAt;
  onChange: (index: number, r: Rule) => void;
  onRemove: (index: number) => void;
};

/** Edits one rule: its kind, its conditions, its effect and the message customers see. */
export const RuleEditor = memo(function RuleEditor({ rule, index, definition, errorsAt, onChange: change, onRemove: remove }: Props) {
  const p = `rules.${index}`;
  const onChange = (r: Rule) => change(index, r);
  const onRemove = () => remove(index);
  const set = (patch: Partial<Rule>) => onChange({ ...rule, ...patch } as Rule);
  const targetGroup = rule.kind === "visibleWhen" ? definition.groups.find((g) => g.id === rule.target.group) : undefined;
  return (
    <section aria-labelledby={`${p}-title`} className="rounded-lg border border-stone-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${p}-title`} className="mr-auto font-semibold">{RULE_KINDS[rule.kind]}: <span className="font-normal">{rule.id}</span></h3>
        <SmallButton label={`Remove rule ${rule.id}`} tone="danger" onClick={onRemove}>Remove</SmallButton>
      </div>
      <PathErrors path={p} errorsAt={errorsAt} />
      <div className="mt-2 grid gap-3 sm:grid-cols-4">
        <TextInput label="Rule id" path={`${p}.id`} errorsAt={errorsAt} value={rule.id} onChange={(id) => set({ id })} />
        <SelectInput label="Kind" path={`${p}.kind`} errorsAt={errorsAt} value={rule.kind} onChange={(k) => onChange({ ...newRule(k as RuleKind, definition, rule.id, rule.message), when: rule.when } as Rule)} options={(Object.keys(RULE_KINDS) as RuleKind[]).map((k) => ({ value: k, label: RULE_KINDS[k] }))} />
        <TextInput className="sm:col-span-2" label="Message shown to customers" path={`${p}.message`} errorsAt={errorsAt} value={rule.message} onChange={(message) => set({ message })} />
      </div>
      {rule.kind === "visibleWhen" ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-4">
          <SelectInput label="Show group" path={`${p}.target.group`} errorsAt={errorsAt} value={rule.target.group} onChange={(group) => set({ target: { group } })} options={[{ value: "", label: "Choose a group" }, ...definition.groups.map((g) => ({ value: g.id, label: g.label }))]} />
          <SelectInput label="Only this option (optional)" path={`${p}.target.option`} errorsAt={errorsAt} value={rule.target.option ?? ""} onChange={(option) => set({ target: { group: rule.target.group, option: option || undefined } })} options={[{ value: "", label: "The whole group" }, ...(targetGroup && (targetGroup.type === "single" || targetGroup.type === "multi") ? targetGroup.options.map((o) => ({ value: o.id, label: o.label })) : [])]} />
        </div>
      ) : null}
      {rule.kind === "range" ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-4">
          <SelectInput label="Number group" path={`${p}.group`} errorsAt={errorsAt} value={rule.group} onChange={(group) => set({ group })} options={[{ value: "", label: "Choose a group" }, ...definition.groups.filter((g) => g.type === "number").map((g) => ({ value: g.id, label: g.label }))]} />
          <NumberInput label="New minimum (optional)" path={`${p}.min`} errorsAt={errorsAt} value={rule.min} optional onChange={(min) => set({ min })} />
          <NumberInput label="New maximum (optional)" path={`${p}.max`} errorsAt={errorsAt} value={rule.max} optional onChange={(max) => set({ max })} />
        </div>
      ) : null}
      {rule.kind === "price" ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-4">
          <MoneyInput label="Surcharge or discount (negative)" path={`${p}.amountCents`} errorsAt={errorsAt} value={rule.amountCents} optional onChange={(amountCents) => set({ amountCents })} />
          <NumberInput label="Or percent (optional)" path={`${p}.percent`} errorsAt={errorsAt} value={rule.percent} optional onChange={(percent) => set({ percent })} />
        </div>
      ) : null}
      {rule.kind === "leadTime" ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-4">
          <NumberInput label="Extra lead days" path={`${p}.leadDays`} errorsAt={errorsAt} value={rule.leadDays} optional step={1} onChange={(leadDays) => set({ leadDays })} />
          <NumberInput label="Extra production hours" path={`${p}.productionHours`} errorsAt={errorsAt} value={rule.productionHours} optional onChange={(productionHours) => set({ productionHours })} />
          <OperationSelect path={`${p}.operation`} value={rule.operation} definition={definition} errorsAt={errorsAt} onChange={(operation) => set({ operation })} />
        </div>
      ) : null}
      <div className="mt-3 grid gap-3 lg:grid-cols-2">
        <ConditionEditor label={rule.kind === "requires" || rule.kind === "excludes" ? "When (choosing this…)" : "When"} condition={rule.when} onChange={(when) => set({ when })} definition={definition} path={`${p}.when`} errorsAt={errorsAt} />
        {rule.kind === "requires" || rule.kind === "excludes" ? (
          <ConditionEditor label={rule.kind === "requires" ? "…then this is required" : "…then this is not allowed"} condition={rule.then} onChange={(then) => set({ then } as Partial<Rule>)} definition={definition} path={`${p}.then`} errorsAt={errorsAt} />
        ) : null}
      </div>
    </section>
  );
});
