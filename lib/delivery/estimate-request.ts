// The estimate a configurator page asks /api/delivery-context for: its first view's lead days and
// production hours, read from untrusted query parameters.

const MAX_LEAD_DAYS = 3650;
const MAX_PRODUCTION_HOURS = 1_000_000;

/** The lead days and production hours in `?leadDays=&productionHours=`, or null when absent or out of range. */
export function estimateRequest(params: URLSearchParams): { leadDays: number; productionHours: number } | null {
  const lead = params.get("leadDays");
  const hours = params.get("productionHours");
  if (lead === null || hours === null || lead.trim() === "" || hours.trim() === "") return null;
  const leadDays = Number(lead);
  const productionHours = Number(hours);
  if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > MAX_LEAD_DAYS) return null;
  if (!Number.isFinite(productionHours) || productionHours < 0 || productionHours > MAX_PRODUCTION_HOURS) return null;
  return { leadDays, productionHours };
}
