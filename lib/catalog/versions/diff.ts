// The differences between two versions of a product's definition, for the admin's compare page. Pure: it
// reads the definitions as plain JSON, so fields it does not know (added to the definition later) still
// show as changed, compared by their JSON value.

type Json = unknown;
type Obj = Record<string, Json>;

/** One field whose value differs; `before`/`after` are undefined when the field is absent on that side. */
export type FieldChange = { field: string; before: Json; after: Json };

/** An entity (group, option, rule, operation) present on one side only. */
export type Entry = { id: string; label: string; group?: string; kind?: string; value: Obj };

/** An entity present on both sides whose fields differ. */
export type ChangedEntry = Entry & { changes: FieldChange[] };

export type CollectionDiff = { added: Entry[]; removed: Entry[]; changed: ChangedEntry[] };

export type VersionDiff = {
  /** Top-level fields outside groups, rules and routing (base price, lead days, premium, preview, and any new field). */
  fields: FieldChange[];
  groups: CollectionDiff;
  /** Options of single and multi groups present in both versions, keyed by group and option id. */
  options: CollectionDiff;
  rules: CollectionDiff;
  routing: CollectionDiff & { reordered: boolean };
  /** True when nothing differs. */
  same: boolean;
};

const COLLECTIONS = new Set(["groups", "rules", "routing"]);

const isObj = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two values are equal when their canonical texts are. */
export function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObj(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const same = (a: Json, b: Json) => canonical(a) === canonical(b);

/** The fields of two objects that differ, in the order of the first then the second (except `skip`). */
function fieldChanges(before: Obj, after: Obj, skip: ReadonlySet<string> = new Set()): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.has(k));
  return keys.filter((k) => !same(before[k], after[k])).map((field) => ({ field, before: before[field], after: after[field] }));
}

const text = (v: Json) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The objects of an array keyed by their `id` (entries without a string id are keyed by position). */
function byId(list: Json): Map<string, Obj> {
  const map = new Map<string, Obj>();
  if (!Array.isArray(list)) return map;
  list.forEach((item, i) => {
    if (!isObj(item)) return;
    const id = typeof item.id === "string" ? item.id : `#${i + 1}`;
    if (!map.has(id)) map.set(id, item);
  });
  return map;
}

function entry(id: string, value: Obj, group?: string): Entry {
  const label = text(value.label) || text(value.message) || id;
  return { id, label, value, ...(group ? { group } : {}), ...(typeof value.kind === "string" ? { kind: value.kind } : {}) };
}

function diffCollection(before: Json, after: Json, skip: ReadonlySet<string> = new Set(), group?: string): CollectionDiff {
  const a = byId(before);
  const b = byId(after);
  const result: CollectionDiff = { added: [], removed: [], changed: [] };
  for (const [id, value] of a) if (!b.has(id)) result.removed.push(entry(id, value, group));
  for (const [id, value] of b) {
    const old = a.get(id);
    if (!old) {
      result.added.push(entry(id, value, group));
      continue;
    }
    const changes = fieldChanges(old, value, skip);
    if (changes.length) result.changed.push({ ...entry(id, value, group), changes });
  }
  return result;
}

const concat = (parts: CollectionDiff[]): CollectionDiff => ({
  added: parts.flatMap((p) => p.added),
  removed: parts.flatMap((p) => p.removed),
  changed: parts.flatMap((p) => p.changed),
});

/** Everything that differs from `from` to `to` (two definitions, read as JSON). */
export function diffDefinitions(from: Json, to: Json): VersionDiff {
  const a = isObj(from) ? from : {};
  const b = isObj(to) ? to : {};
  const fields = fieldChanges(a, b, COLLECTIONS);
  // Groups: their own fields; options are compared one by one below (for groups on both sides).
  const groups = diffCollection(a.groups, b.groups, new Set(["options"]));
  const groupsBefore = byId(a.groups);
  const groupsAfter = byId(b.groups);
  const options = concat(
    [...groupsAfter].flatMap(([id, group]) => {
      const old = groupsBefore.get(id);
      return old ? [diffCollection(old.options, group.options, new Set(), id)] : [];
    }),
  );
  const rules = diffCollection(a.rules, b.rules);
  const routingDiff = diffCollection(a.routing, b.routing);
  const common = (list: Json, other: Map<string, Obj>) => [...byId(list).keys()].filter((id) => other.has(id));
  const reordered = common(a.routing, byId(b.routing)).join("\n") !== common(b.routing, byId(a.routing)).join("\n");
  const routing = { ...routingDiff, reordered };
  const empty = (d: CollectionDiff) => d.added.length + d.removed.length + d.changed.length === 0;
  return {
    fields,
    groups,
    options,
    rules,
    routing,
    same: fields.length === 0 && empty(groups) && empty(options) && empty(rules) && empty(routing) && !reordered,
  };
}

const LABELS: Record<string, string> = {
  basePriceCents: "Base price",
  baseLeadDays: "Base lead days",
  premiumPercent: "Customization premium (%)",
  preview: "Preview drawing",
  label: "Label",
  message: "Message",
  priceCents: "Price",
  priceCentsPerUnit: "Price per unit",
  leadDays: "Lead days",
  leadDaysPerUnit: "Lead days per unit",
  productionHours: "Production hours",
  productionHoursPerUnit: "Production hours per unit",
  hours: "Hours per unit",
  setupHours: "Setup hours",
  workCentre: "Work centre",
  amountCents: "Amount",
};

/** A readable name for a field (its key when it has none). */
export function fieldLabel(field: string): string {
  return LABELS[field] ?? field;
}

/** Whether a field holds an amount of money in cents (shown as money rather than a number). */
export function isMoneyField(field: string): boolean {
  return /Cents(PerUnit)?$/.test(field);
}
