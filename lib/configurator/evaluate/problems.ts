import { currentRange, violatedConstraints } from "./checks";
import type { Compiled } from "./compile";
import { isFilledText, type State, type Value } from "./conditions";
import { compilePattern, type TextPattern } from "../definition/pattern";
import { isOnStep } from "../definition/references";
import type { Resolution } from "./state";
import type { CurrentRange, Problem } from "./types";

// Everything wrong with a selection: hidden values, per-group checks and broken rules.

export type ProblemScan = {
  problems: Problem[];
  ranges: Record<string, CurrentRange>;
  /** By constraint index: is the rule broken by the current effective state? */
  violated: boolean[];
};

const patternCache = new Map<string, TextPattern | null>();
function patternFor(source: string): TextPattern | null {
  let regex = patternCache.get(source);
  if (regex === undefined) {
    regex = compilePattern(source);
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(source, regex);
  }
  return regex;
}

function hasValue(value: Value): boolean {
  if (value === undefined) return false;
  if (value instanceof Set) return value.size > 0;
  return value !== "";
}

/** Lists every problem of the effective state, with the current number ranges. */
export function scanProblems(compiled: Compiled, raw: State, resolution: Resolution): ProblemScan {
  const { eff, hiddenGroup, hiddenOptions } = resolution;
  const problems: Problem[] = [];
  const ranges: Record<string, CurrentRange> = {};

  for (const entry of compiled.groups) {
    const { gi, group } = entry;
    const rawValue = raw[gi];
    const groupRule = hiddenGroup[gi];
    if (groupRule) {
      if (hasValue(rawValue)) problems.push({ code: "rule", group: group.id, ruleId: groupRule.rule.id, message: groupRule.rule.message });
      continue;
    }
    const hidden = hiddenOptions[gi];
    if (hidden && rawValue !== undefined) {
      const chosen = rawValue instanceof Set ? [...rawValue] : typeof rawValue === "string" ? [rawValue] : [];
      for (const option of chosen) {
        const rule = hidden.get(option);
        if (rule) problems.push({ code: "rule", group: group.id, option, ruleId: rule.rule.id, message: rule.rule.message });
      }
    }
    const value = eff[gi];
    switch (group.type) {
      case "single":
        if (group.required && value === undefined) problems.push({ code: "required", group: group.id, message: `Choose ${group.label}` });
        break;
      case "multi": {
        const count = (value as Set<string>).size;
        if (count === 0) {
          // An optional multi group may stay empty; minCount applies once something is chosen.
          if (group.required) problems.push({ code: "required", group: group.id, message: `Choose at least ${Math.max(1, group.minCount ?? 1)} in ${group.label}` });
        } else if (group.minCount !== undefined && count < group.minCount) {
          problems.push({ code: "count", group: group.id, message: `Choose at least ${group.minCount} in ${group.label}` });
        } else if (group.maxCount !== undefined && count > group.maxCount) {
          problems.push({ code: "count", group: group.id, message: `Choose at most ${group.maxCount} in ${group.label}` });
        }
        break;
      }
      case "number": {
        const range = currentRange(entry, eff);
        ranges[group.id] = range;
        if (typeof value !== "number") {
          if (group.required) problems.push({ code: "required", group: group.id, message: `Enter ${group.label}` });
          break;
        }
        const between = `${group.label} must be between ${range.min} and ${range.max} ${group.unit}`;
        const ruleFor = (id: string | undefined) => (id === undefined ? undefined : compiled.definition.rules.find((r) => r.id === id));
        if (value < range.min || value > range.max) {
          const rule = ruleFor(value < range.min ? range.minRuleId : range.maxRuleId);
          problems.push({ code: "range", group: group.id, ...(rule ? { ruleId: rule.id, message: rule.message } : { message: between }) });
        } else if (!isOnStep(value, group.min, group.step)) {
          problems.push({ code: "step", group: group.id, message: `${group.label} must be in steps of ${group.step} ${group.unit}` });
        }
        break;
      }
      case "text": {
        const text = typeof value === "string" ? value : "";
        if (!isFilledText(text)) {
          if (group.required) problems.push({ code: "required", group: group.id, message: `Enter ${group.label}` });
          break;
        }
        if ([...text].length > group.maxLength) {
          problems.push({ code: "text-length", group: group.id, message: `${group.label} can be at most ${group.maxLength} characters` });
        } else if (group.pattern !== undefined && !patternFor(group.pattern)?.test(text)) {
          problems.push({ code: "text-pattern", group: group.id, message: group.patternMessage ?? `${group.label} has characters that are not allowed` });
        }
        break;
      }
    }
  }

  const violated = violatedConstraints(compiled, eff);
  compiled.constraints.forEach((c, ci) => {
    if (violated[ci] && c.rule.kind !== "range") {
      problems.push({ code: "rule", ruleId: c.rule.id, message: c.rule.message, ...(c.primaryGroup ? { group: c.primaryGroup } : {}) });
    }
  });
  return { problems, ranges, violated };
}
