import type { LintFinding } from "./finding";
import type { Condition, Definition } from "../definition/schema";

// The routing: operations at work centres that exist and are active, and hours that some configuration
// actually gives them.

/** A work centre as lint needs it (the workshop's list, read by the caller). */
export type LintWorkCentre = { id: string; name: string; active: boolean };

/** Operations at an unknown or inactive work centre: errors, as nothing could be scheduled there. */
export function lintWorkCentres(definition: Definition, workCentres: readonly LintWorkCentre[]): LintFinding[] {
  const byId = new Map(workCentres.map((c) => [c.id, c]));
  const findings: LintFinding[] = [];
  for (const operation of definition.routing) {
    const centre = byId.get(operation.workCentre);
    if (!centre) {
      findings.push({ severity: "error", code: "unknown-work-centre", message: `Operation "${operation.label}" (${operation.id}) is at work centre "${operation.workCentre}", which does not exist`, operation: operation.id });
    } else if (!centre.active) {
      findings.push({ severity: "error", code: "inactive-work-centre", message: `Operation "${operation.label}" (${operation.id}) is at work centre "${centre.name}" (${centre.id}), which is inactive`, operation: operation.id });
    }
  }
  return findings;
}

/**
 * Operations that get no hours in any valid configuration (a warning each), or a routing that gets no
 * hours at all (an error: such a product would take no workshop time). `canHold` says whether a
 * condition can hold in some valid configuration.
 */
export function lintRoutingHours(definition: Definition, canHold: (condition: Condition) => boolean): LintFinding[] {
  const { routing } = definition;
  const index = new Map<string, number>();
  routing.forEach((op, i) => {
    if (!index.has(op.id)) index.set(op.id, i);
  });
  const opOf = (id: string | undefined) => (id === undefined ? 0 : (index.get(id) ?? 0));
  // An hours formula counts as giving hours (what it gives depends on values lint does not enumerate).
  const busy = routing.map((op) => op.hours > 0 || (op.setupHours ?? 0) > 0 || op.hoursFormula !== undefined);
  // Each source of hours counts when it adds some and its condition can hold; asked only while its operation is still idle.
  const consider = (op: number, hours: number, condition: () => Condition) => {
    if (!busy[op] && hours > 0 && canHold(condition())) busy[op] = true;
  };
  for (const group of definition.groups) {
    if (group.type === "single" || group.type === "multi") {
      for (const option of group.options) consider(opOf(option.operation), option.productionHours, () => ({ selected: { group: group.id, option: option.id } }));
    } else if (group.type === "number") {
      consider(opOf(group.operation), group.productionHoursPerUnit, () => ({ compare: { group: group.id, op: ">", value: 0 } }));
    } else {
      consider(opOf(group.operation), group.productionHours ?? 0, () => ({ filled: { group: group.id } }));
    }
  }
  for (const rule of definition.rules) {
    if (rule.kind === "leadTime") consider(opOf(rule.operation), rule.productionHours ?? 0, () => rule.when);
  }
  if (!busy.some(Boolean)) {
    return [{ severity: "error", code: "routing-zero-hours", message: "The routing takes 0 hours in every configuration: give an operation hours (per unit or setup), or options that add hours" }];
  }
  return routing.flatMap((op, i) =>
    busy[i] ? [] : [{ severity: "warning" as const, code: "operation-zero-hours", message: `Operation "${op.label}" (${op.id}) gets 0 hours in every configuration`, operation: op.id }],
  );
}
