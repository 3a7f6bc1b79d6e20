// Conditions as data, with no zod in this module: the admin editor's condition fields read the compare
// operators from here, and ./rule-schema builds its schema on the same list.

export const compareOps = ["<", "<=", ">", ">=", "==", "!="] as const;
export type CompareOp = (typeof compareOps)[number];

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { selected: { group: string; option: string } }
  | { compare: { group: string; op: CompareOp; value: number } }
  | { filled: { group: string } };
