import type { Condition, Definition } from "../definition/schema";

// Cycles of `requires` between options: A requires B, B requires A (directly or through others).

export type RequiresCycle = { options: { group: string; option: string }[]; ruleIds: string[] };

/** Options chosen for sure when a condition holds: `selected` atoms at the top or under `all`. */
function positiveAtoms(condition: Condition): string[] {
  if ("selected" in condition) return [`${condition.selected.group}/${condition.selected.option}`];
  if ("all" in condition) return condition.all.flatMap(positiveAtoms);
  return [];
}

/** Strongly connected groups of options linked by requires rules (Tarjan's algorithm). */
export function findRequiresCycles(definition: Definition): RequiresCycle[] {
  const edges = new Map<string, { to: string; ruleId: string }[]>();
  for (const rule of definition.rules) {
    if (rule.kind !== "requires") continue;
    for (const from of positiveAtoms(rule.when)) {
      for (const to of positiveAtoms(rule.then)) {
        const list = edges.get(from) ?? [];
        list.push({ to, ruleId: rule.id });
        edges.set(from, list);
      }
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: RequiresCycle[] = [];
  let counter = 0;

  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const { to } of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    const inCycle = new Set(members);
    const ruleIds = [...new Set(members.flatMap((m) => (edges.get(m) ?? []).filter((e) => inCycle.has(e.to)).map((e) => e.ruleId)))];
    if (members.length > 1 || ruleIds.length > 0) {
      cycles.push({
        options: members.reverse().map((m) => {
          const [group, option] = m.split("/") as [string, string];
          return { group, option };
        }),
        ruleIds,
      });
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
