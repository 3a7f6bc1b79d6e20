// How large a definition may be: the schema enforces these, and the admin's editor checks them on pasted
// JSON before it renders anything (a paste of 10,000 options would otherwise freeze the page).

export const MAX_GROUPS = 200;
export const MAX_OPTIONS_PER_GROUP = 200;
export const MAX_RULES = 2000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks the counts of a parsed but untrusted definition (groups, options per group, rules) without
 * walking anything else; returns what is over a limit in the admin's words, or null.
 */
export function countLimitProblem(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const { groups, rules } = value;
  if (Array.isArray(groups)) {
    if (groups.length > MAX_GROUPS) return `The definition has ${groups.length} option groups; at most ${MAX_GROUPS} are allowed.`;
    for (const [i, group] of groups.entries()) {
      const options = isRecord(group) ? group.options : undefined;
      if (Array.isArray(options) && options.length > MAX_OPTIONS_PER_GROUP) {
        const name = isRecord(group) && typeof group.label === "string" && group.label ? group.label : `number ${i + 1}`;
        return `Group '${name}' has ${options.length} options; at most ${MAX_OPTIONS_PER_GROUP} are allowed per group.`;
      }
    }
  }
  if (Array.isArray(rules) && rules.length > MAX_RULES) return `The definition has ${rules.length} rules; at most ${MAX_RULES} are allowed.`;
  return null;
}
