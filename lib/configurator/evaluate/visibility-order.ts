import type { Compiled, GroupEntry } from "./compiled-types";

// The order in which group visibility is decided, and which groups depend on which.

/** Orders groups so each group's visibility is decided after the groups its conditions read. */
export function visibilityOrder(entries: GroupEntry[], deps: Set<number>[]): number[] {
  const done = new Array<boolean>(entries.length).fill(false);
  const order: number[] = [];
  while (order.length < entries.length) {
    let next = entries.findIndex((_, gi) => !done[gi] && [...deps[gi]!].every((d) => d === gi || done[d]));
    if (next === -1) next = done.findIndex((d) => !d); // a cycle: break it in definition order
    done[next] = true;
    order.push(next);
  }
  return order;
}

/** For each group, which groups must be re-resolved when it changes; and whether the order is acyclic. */
export function visibilityClosure(visOrder: number[], visDeps: Set<number>[]): Pick<Compiled, "visAffected" | "visAcyclic"> {
  const position = new Array<number>(visOrder.length);
  visOrder.forEach((gi, pos) => (position[gi] = pos));
  const dependents = visDeps.map(() => [] as number[]);
  let visAcyclic = true;
  visDeps.forEach((deps, gi) => {
    for (const d of deps) {
      dependents[d]!.push(gi);
      if (position[d]! >= position[gi]!) visAcyclic = false;
    }
  });
  const visAffected = visDeps.map((_, start) => {
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) for (const next of dependents[stack.pop()!]!) if (!seen.has(next)) (seen.add(next), stack.push(next));
    return [...seen].sort((a, b) => position[a]! - position[b]!);
  });
  return { visAffected, visAcyclic };
}

