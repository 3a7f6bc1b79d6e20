// Readable before/after rows for the audit log. Values are shown as people read them ("Admin", "€120.00",
// "Mon 8, Tue 8"), never as ids or raw JSON; null means "none" (created, removed or not set).

export type AuditChange = { field: string; before: string | null; after: string | null };

type Shown = string | number | boolean | null | undefined;

/** A value as the audit page shows it. */
export function shown(value: Shown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/** One change row, or nothing when before and after read the same. */
export function change(field: string, before: Shown, after: Shown): AuditChange[] {
  const b = shown(before);
  const a = shown(after);
  return b === a ? [] : [{ field, before: b, after: a }];
}

/**
 * The fields that differ between two records, each under its label and formatted by its formatter (or
 * shown as is). Fields absent from `labels` are left out.
 */
export function fieldChanges<K extends string>(
  before: { [key in K]?: unknown } | null,
  after: { [key in K]?: unknown } | null,
  labels: Record<K, string>,
  format: { [key in K]?: (value: unknown) => Shown } = {},
): AuditChange[] {
  const plain = (v: unknown): Shown => (typeof v === "object" && v !== null ? JSON.stringify(v) : (v as Shown));
  return (Object.keys(labels) as K[]).flatMap((key) => {
    const fmt = format[key] ?? plain;
    const b = before && before[key] !== undefined ? fmt(before[key]) : null;
    const a = after && after[key] !== undefined ? fmt(after[key]) : null;
    return change(labels[key], b, a);
  });
}

const MAX_JSON_CHANGES = 25;
const MAX_TEXT = 120;

function leafText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function walk(before: unknown, after: unknown, path: string, out: AuditChange[]): void {
  if (out.length > MAX_JSON_CHANGES) return;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  const b = leafText(before);
  const a = leafText(after);
  if (b !== a) out.push({ field: path || "(whole value)", before: b, after: a });
}

/**
 * The leaves that differ between two JSON documents (a product definition before and after a save), by
 * path ("groups.0.options.1.priceCents"); at most 25 rows, then one row saying how many more there are.
 */
export function jsonChanges(before: unknown, after: unknown): AuditChange[] {
  const out: AuditChange[] = [];
  walk(before, after, "", out);
  if (out.length <= MAX_JSON_CHANGES) return out;
  return [...out.slice(0, MAX_JSON_CHANGES), { field: "(more)", before: null, after: "further changes not listed" }];
}
