import type { Condition } from "./condition-types";
import type { Group, Operation, Preview } from "./group-schema";
import { checkPattern } from "./pattern";
import type { Pricing } from "./pricing-schema";
import { checkPricingReferences } from "./pricing-references";
import type { Rule } from "./rule-schema";

export { compilePattern } from "./pattern";

// Cross-reference checks for a definition whose fields already have the right shapes.

type Path = (string | number)[];
type IssueSink = {
  addIssue(issue: { code: "custom"; message: string; path: Path; params?: Record<string, unknown> }): void;
};
type DefinitionShape = { routing: Operation[]; groups: Group[]; rules: Rule[]; preview?: Preview | undefined; pricing?: Pricing | undefined };

export const MAX_CONDITION_DEPTH = 16;

/** True when value lies on the grid min + k * step (with a tolerance for binary fractions). */
export function isOnStep(value: number, min: number, step: number): boolean {
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, Math.abs(k));
}

/** Reports every broken reference or impossible setting in a definition to a zod refinement context. */
export function checkDefinitionReferences(definition: DefinitionShape, ctx: IssueSink): void {
  const issue = (path: Path, message: string, code = "invalid-setting") =>
    ctx.addIssue({ code: "custom", message, path, params: { code } });
  const unknown = (path: Path, message: string) => issue(path, message, "unknown-reference");

  const layerIds = new Set<string>();
  definition.preview?.layers.forEach((layer, i) => {
    if (layerIds.has(layer.id)) issue(["preview", "layers", i, "id"], `Duplicate layer id '${layer.id}'`);
    layerIds.add(layer.id);
  });

  const operationIds = new Set<string>();
  definition.routing.forEach((operation, i) => {
    if (operationIds.has(operation.id)) issue(["routing", i, "id"], `Duplicate operation id '${operation.id}'`);
    operationIds.add(operation.id);
  });
  const checkOperation = (operation: string | undefined, path: Path) => {
    if (operation !== undefined && !operationIds.has(operation)) unknown(path, `Unknown operation '${operation}' (not in the routing)`);
  };

  const groups = new Map<string, Group>();
  definition.groups.forEach((group, gi) => {
    const at = (...rest: Path): Path => ["groups", gi, ...rest];
    if (groups.has(group.id)) issue(at("id"), `Duplicate group id '${group.id}'`);
    else groups.set(group.id, group);
    if (group.type === "number" || group.type === "text") checkOperation(group.operation, at("operation"));

    if (group.type === "single" || group.type === "multi") {
      const optionIds = new Set<string>();
      group.options.forEach((option, oi) => {
        if (optionIds.has(option.id)) issue(at("options", oi, "id"), `Duplicate option id '${option.id}'`);
        optionIds.add(option.id);
        checkOperation(option.operation, at("options", oi, "operation"));
        const layer = option.preview?.layer;
        if (layer !== undefined && !layerIds.has(layer)) {
          unknown(at("options", oi, "preview", "layer"), `Unknown preview layer '${layer}'`);
        }
        option.preview?.shapes?.forEach((shape, si) => {
          if (!layerIds.has(shape.layer)) unknown(at("options", oi, "preview", "shapes", si, "layer"), `Unknown preview layer '${shape.layer}'`);
        });
      });
      if (group.type === "single" && group.default !== undefined && !optionIds.has(group.default)) {
        unknown(at("default"), `Unknown option '${group.default}' in group '${group.id}'`);
      }
      if (group.type === "multi") {
        const seen = new Set<string>();
        group.default?.forEach((id, k) => {
          if (!optionIds.has(id)) unknown(at("default", k), `Unknown option '${id}' in group '${group.id}'`);
          if (seen.has(id)) issue(at("default", k), `Option '${id}' appears twice`);
          seen.add(id);
        });
        const { minCount, maxCount } = group;
        if (minCount !== undefined && maxCount !== undefined && minCount > maxCount) {
          issue(at("minCount"), `minCount (${minCount}) is greater than maxCount (${maxCount})`);
        }
        if (minCount !== undefined && minCount > group.options.length) {
          issue(at("minCount"), `minCount (${minCount}) is more than the ${group.options.length} options`);
        }
        const count = group.default?.length;
        if (count !== undefined && count > 0) {
          if (minCount !== undefined && count < minCount) issue(at("default"), `Choose at least ${minCount} by default`);
          if (maxCount !== undefined && count > maxCount) issue(at("default"), `Choose at most ${maxCount} by default`);
        }
      }
    } else if (group.type === "number") {
      if (group.min > group.max) issue(at("min"), `min (${group.min}) is greater than max (${group.max})`);
      if (group.default !== undefined) {
        if (group.default < group.min || group.default > group.max) {
          issue(at("default"), `Default ${group.default} is outside ${group.min}-${group.max}`);
        } else if (!isOnStep(group.default, group.min, group.step)) {
          issue(at("default"), `Default ${group.default} is not on the step of ${group.step}`);
        }
      }
    } else {
      const checked = group.pattern === undefined ? null : checkPattern(group.pattern);
      if (checked && !checked.ok) issue(at("pattern"), checked.message);
      const regex = checked?.ok ? checked.pattern : null;
      if (group.default !== undefined && group.default.length > group.maxLength) {
        issue(at("default"), `Default is longer than ${group.maxLength} characters`);
      }
      if (group.default && regex && !regex.test(group.default)) issue(at("default"), "Default does not match the pattern");
    }
  });

  definition.preview?.stretch?.forEach((stretch, si) => {
    const at = (...rest: Path): Path => ["preview", "stretch", si, ...rest];
    const group = groups.get(stretch.group);
    if (!group) unknown(at("group"), `Unknown group '${stretch.group}'`);
    else if (group.type !== "number") issue(at("group"), `Group '${group.id}' is not a number`);
    if (stretch.from >= stretch.to) issue(at("to"), `The band must end after it starts (${stretch.from} to ${stretch.to})`);
    stretch.layers?.forEach((layer, li) => {
      if (!layerIds.has(layer)) unknown(at("layers", li), `Unknown preview layer '${layer}'`);
    });
  });

  const checkCondition = (condition: Condition, path: Path, depth: number): void => {
    if (depth > MAX_CONDITION_DEPTH) {
      issue(path, `Conditions may nest at most ${MAX_CONDITION_DEPTH} levels`);
      return;
    }
    if ("all" in condition) condition.all.forEach((c, i) => checkCondition(c, [...path, "all", i], depth + 1));
    else if ("any" in condition) condition.any.forEach((c, i) => checkCondition(c, [...path, "any", i], depth + 1));
    else if ("not" in condition) checkCondition(condition.not, [...path, "not"], depth + 1);
    else if ("selected" in condition) {
      const { group: groupId, option } = condition.selected;
      const group = groups.get(groupId);
      if (!group) unknown([...path, "selected", "group"], `Unknown group '${groupId}'`);
      else if (group.type !== "single" && group.type !== "multi") {
        issue([...path, "selected", "group"], `Group '${groupId}' has no options`);
      } else if (!group.options.some((o) => o.id === option)) {
        unknown([...path, "selected", "option"], `Unknown option '${option}' in group '${groupId}'`);
      }
    } else if ("compare" in condition) {
      const group = groups.get(condition.compare.group);
      if (!group) unknown([...path, "compare", "group"], `Unknown group '${condition.compare.group}'`);
      else if (group.type !== "number") issue([...path, "compare", "group"], `Group '${group.id}' is not a number`);
    } else if (!groups.has(condition.filled.group)) {
      unknown([...path, "filled", "group"], `Unknown group '${condition.filled.group}'`);
    }
  };

  definition.groups.forEach((group, gi) => {
    const check = (components: { when?: Condition | undefined }[] | undefined, path: Path) =>
      components?.forEach((c, ci) => {
        if (c.when) checkCondition(c.when, [...path, "components", ci, "when"], 1);
      });
    if (group.type === "single" || group.type === "multi") group.options.forEach((o, oi) => check(o.components, ["groups", gi, "options", oi]));
    else check(group.components, ["groups", gi]);
  });

  const ruleIds = new Set<string>();
  definition.rules.forEach((rule, ri) => {
    const at = (...rest: Path): Path => ["rules", ri, ...rest];
    if (ruleIds.has(rule.id)) issue(at("id"), `Duplicate rule id '${rule.id}'`);
    ruleIds.add(rule.id);
    checkCondition(rule.when, at("when"), 1);
    switch (rule.kind) {
      case "requires":
      case "excludes":
        checkCondition(rule.then, at("then"), 1);
        break;
      case "visibleWhen": {
        const group = groups.get(rule.target.group);
        if (!group) unknown(at("target", "group"), `Unknown group '${rule.target.group}'`);
        else if (rule.target.option !== undefined) {
          const hasOption = (group.type === "single" || group.type === "multi") &&
            group.options.some((o) => o.id === rule.target.option);
          if (!hasOption) unknown(at("target", "option"), `Unknown option '${rule.target.option}' in group '${group.id}'`);
        }
        break;
      }
      case "range": {
        const group = groups.get(rule.group);
        if (!group) unknown(at("group"), `Unknown group '${rule.group}'`);
        else if (group.type !== "number") issue(at("group"), `Group '${rule.group}' is not a number`);
        if (rule.min === undefined && rule.max === undefined) issue(at("min"), "Give min, max or both");
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
          issue(at("min"), `min (${rule.min}) is greater than max (${rule.max})`);
        }
        break;
      }
      case "price":
        if ((rule.amountCents === undefined) === (rule.percent === undefined)) {
          issue(at("amountCents"), "Give either amountCents or percent");
        }
        break;
      case "leadTime":
        checkOperation(rule.operation, at("operation"));
        if (rule.leadDays === undefined && rule.productionHours === undefined) {
          issue(at("leadDays"), "Give leadDays, productionHours or both");
        }
        break;
    }
  });
  checkPricingReferences(definition, groups, issue, (condition, path) => checkCondition(condition, path, 1));
}
