"use client";

import type { Definition, Operation } from "@/lib/configurator";
import { NumberInput, PathErrors, SelectInput, SmallButton, TextInput, type ErrorsAt } from "./fields";
import { move } from "./move";

/** A work centre the routing can use (the workshop's list; inactive ones are shown as such). */
export type EditorWorkCentre = { id: string; name: string; active: boolean };

type Routing = Definition["routing"];


/** Rewrites every `operation` reference of the groups, options and lead-time rules (undefined = the first operation). */
export function mapOperationRefs(definition: Definition, map: (operation: string | undefined) => string | undefined): Definition {
  const fix = <T extends { operation?: string | undefined }>(item: T): T => {
    const next = map(item.operation);
    if (next === item.operation) return item;
    const { operation: _old, ...rest } = item;
    return (next === undefined ? rest : { ...rest, operation: next }) as T;
  };
  return {
    ...definition,
    groups: definition.groups.map((group) =>
      group.type === "single" || group.type === "multi" ? { ...group, options: group.options.map(fix) } : fix(group),
    ),
    rules: definition.rules.map((rule) => (rule.kind === "leadTime" ? fix(rule) : rule)),
  };
}

function newOperation(routing: Routing, centres: EditorWorkCentre[]): Operation {
  let i = routing.length + 1;
  while (routing.some((op) => op.id === `operation-${i}`)) i++;
  const centre = centres.find((c) => c.active)?.id ?? routing[routing.length - 1]?.workCentre ?? "workshop";
  return { id: `operation-${i}`, label: `Operation ${i}`, workCentre: centre, hours: 0 };
}

/** The work-centre choices: every centre (inactive ones marked), plus the current value when it is unknown. */
function centreOptions(value: string, centres: EditorWorkCentre[]) {
  const options = centres.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (inactive)` }));
  if (!centres.some((c) => c.id === value)) options.unshift({ value, label: value ? `${value} (unknown work centre)` : "Choose a work centre" });
  return options;
}

type Props = { definition: Definition; workCentres: EditorWorkCentre[]; errorsAt: ErrorsAt; onChange: (d: Definition) => void };

/**
 * The routing: the operations that make the product, in order, each at a work centre with hours per
 * unit and setup hours per order. Renaming an operation's id carries the options and rules that name it
 * along; removing one sends their hours back to the first operation.
 */
export function RoutingEditor({ definition, workCentres, errorsAt, onChange }: Props) {
  const routing = definition.routing;
  const setRouting = (next: Routing, base: Definition = definition) => onChange({ ...base, routing: next });
  const setOperation = (index: number, patch: Partial<Operation>) => {
    const current = routing[index]!;
    const next = routing.map((op, i) => (i === index ? { ...op, ...patch } : op));
    const renamed = patch.id !== undefined && patch.id !== current.id;
    // Carry references along when the old id was this operation's alone and the new one is free.
    const carry = renamed && routing.filter((op) => op.id === current.id).length === 1 && !routing.some((op) => op.id === patch.id);
    const base = carry ? mapOperationRefs(definition, (ref) => (ref === current.id ? patch.id : ref)) : definition;
    setRouting(next, base);
  };
  const remove = (index: number) => {
    const removed = routing[index]!;
    const next = routing.filter((_, i) => i !== index);
    const orphaned = !next.some((op) => op.id === removed.id);
    const base = orphaned ? mapOperationRefs(definition, (ref) => (ref === removed.id ? undefined : ref)) : definition;
    setRouting(next, base);
  };
  return (
    <section aria-labelledby="routing-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="routing-title" className="text-lg font-semibold">Routing</h2>
      <p className="mt-1 text-sm text-stone-600">
        The operations that make the product, in order. Hours per unit are multiplied by the quantity; setup hours count once per order. Options, groups and lead-time rules add their hours to the operation they name (the first one by default).
      </p>
      <PathErrors path="routing" errorsAt={errorsAt} />
      {workCentres.length === 0 ? <p className="mt-2 text-sm text-amber-800">No work centres are set up yet: publishing needs each operation at an active work centre.</p> : null}
      <ol className="mt-3 space-y-2">
        {routing.map((operation, i) => {
          const p = `routing.${i}`;
          const name = operation.label || operation.id;
          return (
            <li key={i} className="rounded-md border border-stone-200 bg-stone-50 p-2 sm:p-3" aria-labelledby={`${p}-title`}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={`${p}-title`} className="mr-auto text-sm font-semibold">{i + 1}. {name}</h3>
                <SmallButton label={`Move operation ${name} up`} onClick={() => setRouting(move(routing, i, i - 1))} disabled={i === 0}>↑</SmallButton>
                <SmallButton label={`Move operation ${name} down`} onClick={() => setRouting(move(routing, i, i + 1))} disabled={i === routing.length - 1}>↓</SmallButton>
                <SmallButton label={`Remove operation ${name}`} tone="danger" onClick={() => remove(i)} disabled={routing.length === 1}>Remove</SmallButton>
              </div>
              <PathErrors path={p} errorsAt={errorsAt} />
              <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
                <TextInput label="Id" path={`${p}.id`} errorsAt={errorsAt} value={operation.id} onChange={(id) => setOperation(i, { id })} />
                <TextInput label="Label" path={`${p}.label`} errorsAt={errorsAt} value={operation.label} onChange={(label) => setOperation(i, { label })} />
                <SelectInput label="Work centre" path={`${p}.workCentre`} errorsAt={errorsAt} value={operation.workCentre} onChange={(workCentre) => setOperation(i, { workCentre })} options={centreOptions(operation.workCentre, workCentres)} />
                <NumberInput label="Hours per unit" path={`${p}.hours`} errorsAt={errorsAt} value={operation.hours} onChange={(hours) => setOperation(i, { hours })} />
                <NumberInput label="Setup hours (optional)" path={`${p}.setupHours`} errorsAt={errorsAt} value={operation.setupHours} optional onChange={(setupHours) => setOperation(i, { setupHours })} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-2"><SmallButton onClick={() => setRouting([...routing, newOperation(routing, workCentres)])}>Add operation</SmallButton></div>
    </section>
  );
}

/** Where an option's, group's or rule's production hours go: one of the routing's operations. */
export function OperationSelect({ path, value, definition, errorsAt, onChange, label = "Hours go to" }: { path: string; value: string | undefined; definition: Definition; errorsAt: ErrorsAt; onChange: (operation: string | undefined) => void; label?: string }) {
  const first = definition.routing[0];
  const options = [
    { value: "", label: first ? `${first.label || first.id} (first)` : "The first operation" },
    ...definition.routing.map((op) => ({ value: op.id, label: op.label || op.id })),
  ];
  if (value !== undefined && !definition.routing.some((op) => op.id === value)) options.push({ value, label: `${value} (unknown)` });
  return <SelectInput label={label} path={path} errorsAt={errorsAt} value={value ?? ""} onChange={(v) => onChange(v || undefined)} options={options} />;
}
