import { compileCondition, type State, type Test } from "./conditions";
import { compileExpression, parseExpression, type Bindings, type Outcome } from "../expression";
import type { Definition, FormulaPrice, Group, NumberGroup, PriceTable, QuantityTier } from "../definition/schema";

/** A group as the pricing compiler needs it (a GroupEntry of ./compile qualifies). */
type GroupEntry = { gi: number; group: Group };

// The pricing items and hour formulas of a definition, compiled once (with the rest of ./compile).

/** What a compiled formula reads: the effective state and the quantity priced. */
export type FormulaEnv = { state: State; quantity: number };
export type Formula = (env: FormulaEnv) => Outcome;

export type CompiledAxis = { gi: number; group: NumberGroup; upTo: number[] };
export type CompiledPricing = {
  formulas: { item: FormulaPrice; when: Test | undefined; quantity: Formula }[];
  tables: { table: PriceTable; when: Test | undefined; rows: CompiledAxis | undefined; columns: CompiledAxis | undefined }[];
  /** Largest minimum quantity first. */
  tiers: QuantityTier[];
  /** Per routing operation: its hours formula (per unit), when it has one. */
  operationHours: (Formula | undefined)[];
};

const NO_VALUE: Formula = () => ({ ok: false, message: "The formula does not parse", position: 1 });

function bindings(byId: Map<string, GroupEntry>): Bindings<FormulaEnv> {
  return {
    number(id) {
      const entry = byId.get(id);
      if (!entry || entry.group.type !== "number") return () => undefined;
      const gi = entry.gi;
      return (env) => {
        const value = env.state[gi];
        return typeof value === "number" ? value : undefined;
      };
    },
    chosen(groupId, option) {
      const entry = byId.get(groupId);
      if (!entry) return () => false;
      const gi = entry.gi;
      if (entry.group.type === "multi") return (env) => (env.state[gi] as Set<string> | undefined)?.has(option) === true;
      return (env) => env.state[gi] === option;
    },
    quantity: (env) => env.quantity,
  };
}

/** Compiles a formula source (already checked by the schema); one that does not parse always fails. */
function formula(source: string, bind: Bindings<FormulaEnv>): Formula {
  const parsed = parseExpression(source);
  return parsed.ok ? compileExpression(parsed.expr, bind) : NO_VALUE;
}

function axis(bands: { group: string; upTo: number[] } | undefined, byId: Map<string, GroupEntry>): CompiledAxis | undefined {
  if (!bands) return undefined;
  const entry = byId.get(bands.group);
  if (!entry || entry.group.type !== "number") return undefined;
  return { gi: entry.gi, group: entry.group, upTo: bands.upTo };
}

export function compilePricing(definition: Definition, byId: Map<string, GroupEntry>): CompiledPricing {
  const bind = bindings(byId);
  const when = (condition: FormulaPrice["when"]) =>
    condition ? compileCondition(condition, byId, { groups: new Set(), selected: new Set(), filled: new Set() }) : undefined;
  const pricing = definition.pricing;
  return {
    formulas: (pricing?.formulas ?? []).map((item) => ({ item, when: when(item.when), quantity: formula(item.quantity, bind) })),
    tables: (pricing?.tables ?? []).map((table) => ({ table, when: when(table.when), rows: axis(table.rows, byId), columns: axis(table.columns, byId) })),
    tiers: [...(pricing?.tiers ?? [])].sort((a, b) => b.minQuantity - a.minQuantity),
    operationHours: definition.routing.map((op) => (op.hoursFormula === undefined ? undefined : formula(op.hoursFormula, bind))),
  };
}
