import { getCompiled } from "../evaluate/compile";
import type { Implication } from "./propagate";
import type { Condition, Definition, Rule } from "../definition/schema";

// The rules of a definition as implications "when -> then" that hold in every valid configuration.

/** Group ids a condition reads. */
export function conditionGroupIds(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ("all" in condition) condition.all.forEach((c) => conditionGroupIds(c, into));
  else if ("any" in condition) condition.any.forEach((c) => conditionGroupIds(c, into));
  else if ("not" in condition) conditionGroupIds(condition.not, into);
  else if ("selected" in condition) into.add(condition.selected.group);
  else if ("compare" in condition) into.add(condition.compare.group);
  else into.add(condition.filled.group);
  return into;
}

/** The implication a constraint rule stands for (undefined for price, lead-time and visibility rules). */
export function ruleImplication(definition: Definition, rule: Rule): Implication | undefined {
  const make = (when: Condition, then: Condition) => implication(definition, rule.id, when, then);
  switch (rule.kind) {
    case "requires":
      return make(rule.when, rule.then);
    case "excludes":
      return make(rule.when, { not: rule.then });
    case "range": {
      const bounds: Condition[] = [];
      if (rule.min !== undefined) bounds.push({ compare: { group: rule.group, op: ">=", value: rule.min } });
      if (rule.max !== undefined) bounds.push({ compare: { group: rule.group, op: "<=", value: rule.max } });
      return make(rule.when, { any: [{ not: { filled: { group: rule.group } } }, { all: bounds }] });
    }
    default:
      return undefined;
  }
}

function implication(definition: Definition, ruleId: string | undefined, when: Condition, then: Condition): Implication {
  const index = new Map(definition.groups.map((g, gi) => [g.id, gi]));
  const ids = conditionGroupIds(then, conditionGroupIds(when));
  const groups = [...ids].map((id) => index.get(id)).filter((gi): gi is number => gi !== undefined);
  return { ...(ruleId !== undefined ? { ruleId } : {}), when, then, groups };
}

/** Every implication of a definition, including visibility (a chosen option must be visible). */
export function definitionImplications(definition: Definition): Implication[] {
  const compiled = getCompiled(definition);
  const position = new Map(compiled.visOrder.map((gi, pos) => [compiled.groups[gi]!.group.id, pos]));
  const result: Implication[] = [];
  const groupVis = new Map<string, { ruleId: string; when: Condition }[]>();
  for (const rule of definition.rules) {
    if (rule.kind !== "visibleWhen") {
      const imp = ruleImplication(definition, rule);
      if (imp) result.push(imp);
      continue;
    }
    // A condition that reads its own group or a later one (a visibility cycle) is evaluated on a
    // partial state, so it is not an implication about the final state: leave it out.
    const target = position.get(rule.target.group) ?? -1;
    const cyclic = [...conditionGroupIds(rule.when)].some((id) => (position.get(id) ?? -1) >= target);
    if (cyclic) continue;
    if (rule.target.option !== undefined) {
      result.push(implication(definition, rule.id, { selected: { group: rule.target.group, option: rule.target.option } }, rule.when));
    } else {
      result.push(implication(definition, rule.id, { filled: { group: rule.target.group } }, rule.when));
      const list = groupVis.get(rule.target.group) ?? [];
      list.push({ ruleId: rule.id, when: rule.when });
      groupVis.set(rule.target.group, list);
    }
  }
  // A required group that is visible must be filled.
  for (const group of definition.groups) {
    const vis = groupVis.get(group.id);
    if (!group.required || !vis) continue;
    const cyclicVis = definition.rules.some(
      (r) => r.kind === "visibleWhen" && r.target.group === group.id && r.target.option === undefined && !vis.some((v) => v.ruleId === r.id),
    );
    if (cyclicVis) continue;
    result.push(implication(definition, vis[0]!.ruleId, { all: vis.map((v) => v.when) }, { filled: { group: group.id } }));
  }
  return result;
}
