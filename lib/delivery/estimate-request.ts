import * as z from "zod/mini";
import type { WorkItem } from "./estimate-json";

// The estimate a configurator page asks /api/delivery-context for: its first view's lead days and work
// ("frame:4.5,upholstery:10", as workSignature writes it), read from untrusted query parameters.

const MAX_LEAD_DAYS = 3650;
const MAX_HOURS = 1_000_000;
const WORK_ITEM = /^([a-z0-9][a-z0-9-]{0,39}):(\d{1,7}(?:\.\d{1,6})?)$/;

const leadDaysSchema = z.pipe(
  z.string().check(z.regex(/^\d{1,4}$/)),
  z.pipe(z.transform((text: string) => Number(text)), z.number().check(z.int(), z.minimum(0), z.maximum(MAX_LEAD_DAYS))),
);

/** The work in a `work` parameter, or null when it is malformed (at most 20 items, hours 0 to 1,000,000). */
export function parseWork(text: string): WorkItem[] | null {
  if (text === "") return [];
  const parts = text.split(",");
  if (parts.length > 20) return null;
  const work: WorkItem[] = [];
  for (const part of parts) {
    const match = WORK_ITEM.exec(part);
    if (!match) return null;
    const hours = Number(match[2]);
    if (!(hours >= 0 && hours <= MAX_HOURS)) return null;
    work.push({ workCentre: match[1]!, hours });
  }
  return work;
}

/** The lead days and work in `?leadDays=&work=`, or null when absent or out of range. */
export function estimateRequest(params: URLSearchParams): { leadDays: number; work: WorkItem[]; signature: string } | null {
  const leadDays = leadDaysSchema.safeParse(params.get("leadDays") ?? "");
  const signature = params.get("work");
  if (!leadDays.success || signature === null || signature.length > 2000) return null;
  const work = parseWork(signature);
  return work ? { leadDays: leadDays.data, work, signature } : null;
}
