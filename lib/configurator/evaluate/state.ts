import type { Compiled, CompiledRule } from "./compile";
import type { State, Value } from "./conditions";
import type { Problem } from "./types";

// From a selection to the engine's state arrays: the raw values as given, then the effective
// values once groups and options hidden by visibleWhen rules are removed.

/** Reads an untrusted selection into a raw state, reporting unknown groups, options and wrong types. */
export function readSelection(compiled: Compiled, selection: unknown): { raw: State; problems: Problem[] } {
  const raw: State = new Array(compiled.groups.length).fill(undefined);
  const problems: Problem[] = [];
  if (typeof selection !== "object" || selection === null || Array.isArray(selection)) {
    return { raw, problems: [{ code: "unknown", message: "The selection must be an object" }] };
  }
  for (const groupId of Object.keys(selection)) {
    const value: unknown = (selection as Record<string, unknown>)[groupId];
    const entry = compiled.byId.get(groupId);
    if (!entry) {
      problems.push({ code: "unknown", group: groupId, message: `Unknown group '${groupId}'` });
      continue;
    }
    const { group } = entry;
    switch (group.type) {
      case "single":
        if (typeof value !== "string") wrongType(problems, groupId, group.label, "one option id");
        else if (!entry.options.has(value)) {
          problems.push({ code: "unknown", group: groupId, option: value, message: `${group.label}: unknown option '${value}'` });
        } else raw[entry.gi] = value;
        break;
      case "multi": {
        if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
          wrongType(problems, groupId, group.label, "a list of option ids");
          break;
        }
        const set = new Set<string>();
        for (const id of value as string[]) {
          if (entry.options.has(id)) set.add(id);
          else problems.push({ code: "unknown", group: groupId, option: id, message: `${group.label}: unknown option '${id}'` });
        }
        raw[entry.gi] = set;
        break;
      }
      case "number":
        if (typeof value !== "number" || !Number.isFinite(value)) wrongType(problems, groupId, group.label, "a finite number");
        else raw[entry.gi] = value;
        break;
      case "text":
        if (typeof value !== "string") wrongType(problems, groupId, group.label, "text");
        else raw[entry.gi] = value;
        break;
    }
  }
  return { raw, problems };
}

function wrongType(problems: Problem[], groupId: string, label: string, expected: string): void {
  problems.push({ code: "unknown", group: groupId, message: `${label}: expected ${expected}` });
}

export type Resolution = {
  eff: State;
  /** The visibleWhen rule hiding each group, by group index. */
  hiddenGroup: (CompiledRule | undefined)[];
  /** Per group index: option id -> the visibleWhen rule hiding it. */
  hiddenOptions: (Map<string, CompiledRule> | undefined)[];
};

/**
 * Decides visibility group by group (in dependency order) and keeps only visible values. A condition
 * sees hidden groups as empty, so a hidden value never influences anything. With applyDefaults,
 * missing groups take their default, and a hidden single choice falls back to the default.
 */
export function resolveVisibility(compiled: Compiled, raw: State, applyDefaults: boolean): Resolution {
  const n = compiled.groups.length;
  const resolution: Resolution = {
    eff: new Array(n).fill(undefined),
    hiddenGroup: new Array(n).fill(undefined),
    hiddenOptions: new Array(n).fill(undefined),
  };
  for (const gi of compiled.visOrder) resolveGroup(compiled, gi, raw[gi], resolution, applyDefaults);
  return resolution;
}

/** Resolves one group into a resolution, reading the groups resolved before it. */
export function resolveGroup(compiled: Compiled, gi: number, value: Value, resolution: Resolution, applyDefaults: boolean): void {
  const { eff } = resolution;
  const entry = compiled.groups[gi]!;
  const groupRule = failing(entry.groupVis, eff);
  if (groupRule) {
    resolution.hiddenGroup[gi] = groupRule;
    return;
  }
  let hidden: Map<string, CompiledRule> | undefined;
  for (const [optionId, rules] of entry.optionVis) {
    const rule = failing(rules, eff);
    if (rule) (hidden ??= new Map()).set(optionId, rule);
  }
  resolution.hiddenOptions[gi] = hidden;
  const group = entry.group;
  if (group.type === "single") {
    let v = value as string | undefined;
    if (v === undefined && applyDefaults) v = group.default;
    if (v !== undefined && hidden?.has(v)) {
      v = applyDefaults && group.default !== undefined && !hidden.has(group.default) ? group.default : undefined;
    }
    eff[gi] = v;
  } else if (group.type === "multi") {
    let source = value as Set<string> | undefined;
    if (source === undefined && applyDefaults && group.default) source = new Set(group.default);
    const set = new Set<string>();
    if (source) for (const id of source) if (!hidden?.has(id)) set.add(id);
    eff[gi] = set;
  } else {
    eff[gi] = value !== undefined ? value : applyDefaults ? group.default : undefined;
  }
}

function failing(rules: CompiledRule[], state: State): CompiledRule | undefined {
  for (const rule of rules) if (!rule.when(state)) return rule;
  return undefined;
}
