// What lint reports: one finding per problem of a definition, with the rules, group and options it is about.

import type { Selection } from "../definition/selection-types";

export type LintFinding = {
  severity: "error" | "warning";
  code: string;
  message: string;
  ruleId?: string;
  ruleIds?: string[];
  group?: string;
  options?: { group: string; option: string }[];
  /** The routing operation the finding is about. */
  operation?: string;
  /** A key of the finding, for `causedBy` (e.g. "option:frame/walnut", "rule:walnut-price"). */
  id?: string;
  /** The id of the root finding this one follows from (fix that one first); absent on a root cause. */
  causedBy?: string;
};

/** Something lint proved reachable, with one valid configuration that reaches it. */
export type LintWitness = {
  /** "option:<group>/<option>", "group:<group>", "min:<group>", "max:<group>", "rule:<rule>". */
  target: string;
  /** What it is, in the admin's words ("Motor: Quiet"). */
  label: string;
  selection: Selection;
  /** The witness in words: "Motor: Quiet, Power supply: 24 V". */
  example: string;
};

/** Lint's findings, the witnesses of what is reachable, and whether the search ran out of budget (partial). */
export type LintReport = { findings: LintFinding[]; witnesses: LintWitness[]; partial: boolean; ms: number };
