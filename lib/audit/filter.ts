import { z } from "zod";
import { AUDIT_ENTITIES, type AuditFilter } from "./queries";

// The audit page's and the CSV export's query string, read the same way by both: a bad value is left out
// of the filter (and the page says so for dates), never a 500.

// A day the database can store and a person could mean (PostgreSQL has no year 0; browsers allow 6-digit years).
const day = z.iso.date().refine((v) => v >= "1900-01-01" && v <= "9999-12-31");

const searchSchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  action: z.string().trim().max(64).regex(/^[\w.-]+$/).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof searchSchema>;

export type ParsedAuditSearch = { values: AuditSearch; filter: AuditFilter; badDate: { from: boolean; to: boolean } };

/** The filter a query string asks for (keys: entity, action, actor, q, from, to, after). */
export function parseAuditSearch(raw: Record<string, string | string[] | undefined>): ParsedAuditSearch {
  const pick = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? raw[k] : undefined);
  const values = searchSchema.parse(Object.fromEntries(["entity", "action", "actor", "q", "from", "to", "after"].map((k) => [k, pick(k)])));
  const filter: AuditFilter = {
    entity: values.entity,
    action: values.action,
    actor: values.actor,
    q: values.q,
    from: values.from ? new Date(`${values.from}T00:00:00Z`) : undefined,
    // Up to the end of the day; the last day the database stores has no end to filter by.
    to: values.to && values.to < "9999-12-31" ? new Date(new Date(`${values.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  };
  return { values, filter, badDate: { from: pick("from") !== undefined && !values.from, to: pick("to") !== undefined && !values.to } };
}

/** The query string of a filter (without the page cursor unless given), for links and the export. */
export function auditSearchString(values: AuditSearch, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const k of ["entity", "action", "actor", "q", "from", "to"] as const) if (values[k]) params.set(k, values[k]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}
