import type { LintFinding } from "./finding";

// Root cause first: a finding whose blocking rules include all the blocking rules of another finding
// follows from it (an option that requires an option rule R rules out is blocked by R and its own requires
// rule), so it is marked `causedBy` the root finding, and roots come first.

/** How primary a kind of finding is when two have the same blocking rules (lower first). */
const RANK: Record<string, number> = {
  "contradictory-rules": 0,
  "empty-range": 0,
  "option-never-available": 1,
  "group-never-filled": 2,
  "required-never-satisfied": 2,
  "range-bound-unreachable": 3,
  "rule-never-applies": 4,
};

/** Marks knock-on findings with the id of their root cause, and lists the roots first (order kept otherwise). */
export function groupRootCauses(findings: LintFinding[]): LintFinding[] {
  const blame = findings.map((f) => new Set(f.ruleIds ?? (f.ruleId && f.code !== "rule-never-applies" ? [f.ruleId] : [])));
  const ranked = findings.map((f) => (f.id !== undefined && f.code in RANK ? RANK[f.code]! : -1));
  const before = (a: number, b: number) => ranked[a]! < ranked[b]! || (ranked[a] === ranked[b] && a < b);
  const parent = findings.map((f, i): number | undefined => {
    if (ranked[i]! < 0) return undefined;
    if (f.code === "required-never-satisfied") {
      const j = findings.findIndex((o) => o.code === "option-never-available" && o.group === f.group);
      return j >= 0 ? j : undefined;
    }
    const mine = blame[i]!;
    let best: number | undefined;
    findings.forEach((_, j) => {
      if (j === i || ranked[j]! < 0 || findings[j]!.code === "required-never-satisfied") return;
      const theirs = blame[j]!;
      if (theirs.size === 0 || theirs.size > mine.size || ![...theirs].every((r) => mine.has(r))) return;
      if (theirs.size === mine.size && !before(j, i)) return;
      if (best === undefined || theirs.size > blame[best]!.size || (theirs.size === blame[best]!.size && before(j, best))) best = j;
    });
    return best;
  });
  const rootOf = (i: number): number => {
    let at = i;
    for (let guard = 0; guard < findings.length && parent[at] !== undefined; guard++) at = parent[at]!;
    return at;
  };
  const marked = findings.map((f, i) => {
    if (parent[i] === undefined) return f;
    const root = findings[rootOf(i)]!;
    return root.id && root !== f ? { ...f, causedBy: root.id } : f;
  });
  return [...marked.filter((f) => !f.causedBy), ...marked.filter((f) => f.causedBy)];
}
