import { describeExpressionError, expressionError, type ExpressionScope } from "../expression";
import type { Condition } from "./condition-types";
import type { Group, Operation } from "./group-schema";
import type { Pricing } from "./pricing-schema";

// Cross-reference checks of the pricing part of a definition and of the routing's hour formulas: the
// formulas parse and read only groups that exist, tables band number groups over their whole range.

type Path = (string | number)[];
type Report = (path: Path, message: string, code?: string) => void;

/** What a formula may read in a definition: its number groups, the options of its option groups. */
export function expressionScope(groups: readonly Group[]): ExpressionScope {
  const numbers = new Set<string>();
  const options = new Map<string, Set<string>>();
  const others = new Set<string>();
  for (const group of groups) {
    if (group.type === "number") numbers.add(group.id);
    else if (group.type === "single" || group.type === "multi") options.set(group.id, new Set(group.options.map((o) => o.id)));
    else others.add(group.id);
  }
  return { numbers, options, others };
}

export function checkPricingReferences(
  definition: { routing: Operation[]; pricing?: Pricing | undefined },
  groups: ReadonlyMap<string, Group>,
  issue: Report,
  checkCondition: (condition: Condition, path: Path) => void,
): void {
  const scope = expressionScope([...groups.values()]);
  const checkFormula = (source: string, path: Path) => {
    const error = expressionError(source, scope);
    if (error) issue(path, describeExpressionError(error), "invalid-formula");
  };
  definition.routing.forEach((operation, i) => {
    if (operation.hoursFormula !== undefined) checkFormula(operation.hoursFormula, ["routing", i, "hoursFormula"]);
  });
  const pricing = definition.pricing;
  if (!pricing) return;

  const itemIds = new Set<string>();
  const checkId = (id: string, path: Path) => {
    if (itemIds.has(id)) issue(path, `Duplicate pricing item id '${id}'`);
    itemIds.add(id);
  };
  pricing.formulas?.forEach((item, i) => {
    const at = (...rest: Path): Path => ["pricing", "formulas", i, ...rest];
    checkId(item.id, at("id"));
    checkFormula(item.quantity, at("quantity"));
    if (item.minQuantity !== undefined && item.maxQuantity !== undefined && item.minQuantity > item.maxQuantity) {
      issue(at("minQuantity"), `The minimum (${item.minQuantity}) is greater than the maximum (${item.maxQuantity})`);
    }
    if (item.when) checkCondition(item.when, at("when"));
  });

  pricing.tables?.forEach((table, i) => {
    const at = (...rest: Path): Path => ["pricing", "tables", i, ...rest];
    checkId(table.id, at("id"));
    const axes = [["rows", table.rows] as const, ...(table.columns ? [["columns", table.columns] as const] : [])];
    for (const [axis, bands] of axes) {
      const group = groups.get(bands.group);
      if (!group) {
        issue(at(axis, "group"), `Unknown group '${bands.group}'`, "unknown-reference");
        continue;
      }
      if (group.type !== "number") {
        issue(at(axis, "group"), `Group '${bands.group}' is not a number`);
        continue;
      }
      const { upTo } = bands;
      const unordered = upTo.findIndex((v, k) => k > 0 && v <= upTo[k - 1]!);
      if (unordered >= 0) issue(at(axis, "upTo", unordered), "Give the bands in increasing order, each larger than the one before");
      const last = upTo[upTo.length - 1]!;
      if (last < group.max) {
        issue(at(axis, "upTo", upTo.length - 1), `The last band (up to ${last} ${group.unit}) is below ${group.label}'s largest value (${group.max} ${group.unit}): every value needs a price`);
      }
    }
    const columns = table.columns?.upTo.length ?? 1;
    if (table.cents.length !== table.rows.upTo.length) {
      issue(at("cents"), `Give one row of prices per band of ${table.rows.group} (${table.rows.upTo.length}), not ${table.cents.length}`);
    }
    table.cents.forEach((row, r) => {
      if (row.length !== columns) issue(at("cents", r), `Give ${columns} price${columns === 1 ? "" : "s"} in each row, not ${row.length}`);
    });
    if (table.when) checkCondition(table.when, at("when"));
  });

  pricing.tiers?.forEach((tier, i) => {
    const previous = pricing.tiers![i - 1];
    if (previous && tier.minQuantity <= previous.minQuantity) {
      issue(["pricing", "tiers", i, "minQuantity"], "Give the tiers in increasing order of quantity");
    }
  });
}
