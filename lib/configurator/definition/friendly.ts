import type { z } from "zod";

// The schema's issues in an admin's words, naming the group, option, rule or operation they concern:
// "Option 'Oak' in group 'Wood': price must be a whole number of cents ≥ 0" rather than zod's
// "Too small: expected number to be >=0" at groups.2.options.0.priceCents. The path is kept as it is, so
// the editor still shows each message at its field.

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

const FIELD_NAMES: Record<string, string> = {
  id: "id", label: "label", description: "description", priceCents: "price", leadDays: "lead days",
  productionHours: "production hours", operation: "operation", components: "components", sku: "SKU",
  quantity: "quantity", supplyDays: "supply days", required: "required", type: "type", display: "display",
  default: "default", minCount: "min. count", maxCount: "max. count", unit: "unit", min: "minimum",
  max: "maximum", step: "step", priceCentsPerUnit: "price per unit", leadDaysPerUnit: "lead days per unit",
  productionHoursPerUnit: "production hours per unit", maxLength: "max. length", pattern: "pattern",
  patternMessage: "pattern message", basePriceCents: "base price", baseLeadDays: "base lead days",
  premiumPercent: "customization premium", routing: "routing", groups: "option groups", rules: "rules",
  message: "message", amountCents: "amount", percent: "percent", workCentre: "work centre", hours: "hours",
  setupHours: "setup hours", color: "preview colour", layer: "preview layer", preview: "preview",
  viewBox: "view box", layers: "layers", d: "path data", fill: "fill", visible: "visible", options: "options",
  target: "target", group: "group", option: "option", value: "value", op: "comparison", kind: "kind",
  name: "name", when: "condition", shapes: "shapes", stretch: "stretch", axis: "axis", from: "band start",
  to: "band end", reference: "reference value", perUnit: "units per step", anchor: "anchor",
};

const ITEM_NOUNS: Record<string, string> = {
  options: "options", groups: "option groups", rules: "rules", routing: "operations", components: "components",
  layers: "layers", default: "default options", all: "conditions", any: "conditions", shapes: "shapes", stretch: "stretches",
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const at = (value: unknown, key: PropertyKey): unknown => (isRecord(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined);
const nameOf = (value: unknown, fallback: string): string => {
  const label = at(value, "label");
  if (typeof label === "string" && label.trim()) return label.trim();
  const id = at(value, "id");
  return typeof id === "string" && id ? id : fallback;
};

/** "Option 'Oak' in group 'Wood'" and the rest of the path below it, for an issue's path. */
function contextOf(input: unknown, path: Path): { context: string; rest: Path } {
  const [top, i, ...below] = path;
  if (typeof i !== "number") return { context: "", rest: path };
  if (top === "groups") {
    const group = at(at(input, "groups"), i);
    const groupName = `group '${nameOf(group, `#${i + 1}`)}'`;
    const [sub, j, ...rest] = below;
    if (sub === "options" && typeof j === "number") {
      const option = at(at(group, "options"), j);
      return { context: `Option '${nameOf(option, `#${j + 1}`)}' in ${groupName}`, rest };
    }
    return { context: groupName[0]!.toUpperCase() + groupName.slice(1), rest: below };
  }
  if (top === "rules") {
    const rule = at(at(input, "rules"), i);
    const id = at(rule, "id");
    return { context: `Rule '${typeof id === "string" && id ? id : `#${i + 1}`}'`, rest: below };
  }
  if (top === "routing") return { context: `Operation '${nameOf(at(at(input, "routing"), i), `#${i + 1}`)}'`, rest: below };
  return { context: "", rest: path };
}

/** The field an issue is about, in words ("price", "component 2 quantity", "'when' condition group"). */
function fieldOf(rest: Path): string {
  if (rest.length === 0) return "";
  const [first, second] = rest;
  if (first === "when" || first === "then") {
    const last = [...rest].reverse().find((k) => typeof k === "string" && k !== "when" && k !== "then");
    const condition = `'${String(first)}' condition`;
    return last && ["group", "option", "value", "op"].includes(String(last)) ? `${condition} ${FIELD_NAMES[String(last)]}` : condition;
  }
  if (first === "components" && typeof second === "number") {
    const key = rest[2];
    return `component ${second + 1}${typeof key === "string" ? ` ${FIELD_NAMES[key] ?? key}` : ""}`;
  }
  const last = [...rest].reverse().find((k) => typeof k === "string");
  if (last === undefined) return "";
  const index = rest[rest.length - 1];
  const name = FIELD_NAMES[String(last)] ?? String(last);
  return typeof index === "number" ? `${name} ${index + 1}` : name;
}

/** The things a list holds, singular for one ("1 option"). */
const noun = (key: string | undefined, count: number) => {
  const plural = ITEM_NOUNS[key ?? ""] ?? "items";
  return count === 1 ? plural.replace(/s$/, "") : plural;
};

const number = (n: unknown) => (typeof n === "number" || typeof n === "bigint" ? n.toLocaleString("en-US") : String(n));

/** What is wrong, as the end of a sentence that starts with the field's name. */
function phraseOf(issue: Issue, key: string | undefined): string | null {
  const cents = key !== undefined && key.endsWith("Cents");
  const nonNegativeCents = cents && key !== "amountCents";
  const received = /received (\w+)/.exec(issue.message)?.[1];
  switch (issue.code) {
    case "invalid_type":
      if (received === "undefined") return "is missing";
      if (issue.expected === "int") return nonNegativeCents ? "must be a whole number of cents ≥ 0" : cents ? "must be a whole number of cents" : "must be a whole number";
      if (issue.expected === "number") return nonNegativeCents ? "must be a whole number of cents ≥ 0" : "must be a number";
      if (issue.expected === "string") return "must be text";
      if (issue.expected === "boolean") return "must be yes or no";
      if (issue.expected === "array") return "must be a list";
      if (issue.expected === "object") return "must be an object";
      return null;
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "string") return Number(min) <= 1 ? "cannot be empty" : `needs at least ${number(min)} characters`;
      if (issue.origin === "array") return `needs at least ${number(min)} ${noun(key, Number(min))}`;
      if (cents) return `must be a whole number of cents ${issue.inclusive ? "≥" : ">"} ${number(min)}`;
      return issue.inclusive ? `must be ${number(min)} or more` : `must be more than ${number(min)}`;
    }
    case "too_big": {
      const max = issue.maximum;
      if (issue.origin === "string") return `can be at most ${number(max)} characters`;
      if (issue.origin === "array") return `can have at most ${number(max)} ${noun(key, Number(max))}`;
      if (cents) return `must be at most ${number(max)} cents`;
      return issue.inclusive ? `must be ${number(max)} or less` : `must be less than ${number(max)}`;
    }
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "an unknown field" : "unknown fields"}: ${issue.keys.join(", ")}`;
    case "invalid_union": {
      const extra = issue as { discriminator?: string; options?: unknown[] };
      if (extra.discriminator && extra.options) return `must be one of: ${extra.options.map(String).join(", ")}`;
      return null;
    }
    default:
      return null;
  }
}

/** zod's own wording (rewritten here); a message the schema wrote for admins is kept as it is. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Invalid discriminator|Too small|Too big|Unrecognized key)/;

/** Where a path points, in words ("Option 'Oak' in group 'Wood'"), or "" for the definition's own fields. */
export function placeOf(input: unknown, path: readonly (string | number)[]): string {
  return contextOf(input, path).context;
}

/** One schema issue of a definition (`input` is what was checked) as a sentence an admin understands. */
export function friendlyMessage(input: unknown, issue: Issue): string {
  if (issue.code === "custom" || !ZOD_DEFAULT.test(issue.message)) return issue.message;
  const { context, rest } = contextOf(input, issue.path);
  const key = [...rest].reverse().find((k): k is string => typeof k === "string");
  const phrase = phraseOf(issue, key);
  // A list's limit names what it holds ("needs at least 1 option"), so the field's name is not repeated.
  const isList = (issue.code === "too_small" || issue.code === "too_big") && issue.origin === "array";
  const field = isList && rest.length <= 1 ? "" : fieldOf(rest);
  if (phrase === null) return context ? `${context}: ${issue.message}` : issue.message;
  const sentence = field ? `${field} ${phrase}` : `${context ? "it" : "the definition"} ${phrase}`;
  if (!context) return sentence[0]!.toUpperCase() + sentence.slice(1);
  return `${context}: ${field ? sentence : phrase}`;
}
