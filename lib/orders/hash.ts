import { createHash } from "node:crypto";
import type { Selection } from "@/lib/configurator";

/** A stable hash of what was configured: same version, selection and quantity give the same hash. */
export function configurationHash(versionId: string, selection: Selection, quantity: number): string {
  const sorted = Object.fromEntries(
    Object.entries(selection)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]),
  );
  return createHash("sha256").update(JSON.stringify({ versionId, selection: sorted, quantity })).digest("hex");
}
