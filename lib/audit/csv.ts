import { toCsv } from "@/lib/csv";
import type { AuditChange } from "./changes";
import type { AuditRow } from "./queries";

const HEADER = ["at_utc", "actor", "action", "entity_type", "entity", "entity_id", "summary", "changes"];

/** A change list as one cell: "Field: before → after", one per line ("–" for none). */
export function changesText(changes: AuditChange[]): string {
  return changes.map((c) => `${c.field}: ${c.before ?? "–"} → ${c.after ?? "–"}`).join("\n");
}

/** The audit rows as CSV (lib/csv.ts quotes cells and defuses formula-like text). */
export function auditCsv(rows: AuditRow[]): string {
  return toCsv([HEADER, ...rows.map((r) => [r.at.toISOString(), r.actor, r.action, r.entityType, r.entityLabel, r.entityId, r.summary, changesText(r.changes)])]);
}
