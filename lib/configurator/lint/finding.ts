// What lint reports: one finding per problem of a definition, with the rules, group and options it is about.

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
};
