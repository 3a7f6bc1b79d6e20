import type { Expr, ExpressionError } from "./ast";

// Validation of a parsed expression against what a definition offers: every name a number group or
// `quantity`, every function known and called with the right number and kinds of arguments, strings
// only where a group or option id is expected. Division by a literal zero is refused here too; other
// divisions by zero can only show when evaluated (a problem then, see ./compile).

/** What an expression may read: number groups (by id), option groups (id -> option ids), and `quantity`. */
export type ExpressionScope = {
  numbers: ReadonlySet<string>;
  options: ReadonlyMap<string, ReadonlySet<string>>;
  /** Groups that are neither numbers nor option groups (text): named only to say why they cannot be read. */
  others?: ReadonlySet<string>;
};

type Signature = { min: number; max: number; strings?: "group" | "group-option" };

/** The functions of the language, with their arities. */
export const FUNCTIONS: Readonly<Record<string, Signature>> = Object.freeze({
  min: { min: 1, max: 20 },
  max: { min: 1, max: 20 },
  round: { min: 1, max: 2 },
  ceil: { min: 1, max: 1 },
  floor: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
  if: { min: 3, max: 3 },
  chosen: { min: 2, max: 2, strings: "group-option" },
  value: { min: 1, max: 1, strings: "group" },
});

/** The names every expression can read besides the number groups. */
export const BUILT_IN_NAMES = ["quantity"] as const;
const RESERVED = new Set(["and", "or", "not", "quantity"]);
/** A number group whose id is a valid bare name in an expression (others are read with value("id")). */
export const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/** Every problem of an expression in a scope, in source order (empty when it is fine). */
export function checkExpression(expr: Expr, scope: ExpressionScope): ExpressionError[] {
  const errors: ExpressionError[] = [];
  const visit = (node: Expr): void => {
    switch (node.type) {
      case "num":
        return;
      case "str":
        errors.push({ message: "A string can only name a group or an option, in chosen() or value()", position: node.pos });
        return;
      case "name":
        if (node.name === "quantity" || scope.numbers.has(node.name)) return;
        if (scope.options.has(node.name)) {
          errors.push({ message: `'${node.name}' is an option group: read it with chosen("${node.name}", "option")`, position: node.pos });
        } else if (scope.others?.has(node.name)) {
          errors.push({ message: `'${node.name}' is not a number group`, position: node.pos });
        } else errors.push({ message: `Unknown name '${node.name}'`, position: node.pos });
        return;
      case "unary":
        visit(node.arg);
        return;
      case "binary":
        visit(node.left);
        visit(node.right);
        if (node.op === "/" && node.right.type === "num" && node.right.value === 0) {
          errors.push({ message: "Division by zero", position: node.pos });
        }
        return;
      case "call":
        checkCall(node, scope, errors, visit);
        return;
    }
  };
  visit(expr);
  return errors.sort((a, b) => a.position - b.position);
}

function checkCall(node: Extract<Expr, { type: "call" }>, scope: ExpressionScope, errors: ExpressionError[], visit: (e: Expr) => void): void {
  const signature = Object.hasOwn(FUNCTIONS, node.fn) ? FUNCTIONS[node.fn]! : undefined;
  if (!signature) {
    errors.push({ message: `Unknown function '${node.fn}' (use ${Object.keys(FUNCTIONS).join(", ")})`, position: node.pos });
    return;
  }
  const n = node.args.length;
  if (n < signature.min || n > signature.max) {
    const want = signature.min === signature.max ? `${signature.min}` : signature.max >= 20 ? `at least ${signature.min}` : `${signature.min} or ${signature.max}`;
    errors.push({ message: `${node.fn}() takes ${want} argument${want.endsWith(" 1") || want === "1" ? "" : "s"}, not ${n}`, position: node.pos });
    return;
  }
  if (!signature.strings) {
    node.args.forEach(visit);
    if (node.fn === "round" && n === 2) {
      const digits = node.args[1]!;
      if (digits.type !== "num" || !Number.isInteger(digits.value) || digits.value > 6) {
        errors.push({ message: "round(x, digits) takes a whole number of digits from 0 to 6", position: digits.pos });
      }
    }
    return;
  }
  const [groupArg, optionArg] = node.args as [Expr, Expr | undefined];
  if (groupArg.type !== "str") {
    errors.push({ message: `${node.fn}() takes a group id in quotes, e.g. ${node.fn === "value" ? 'value("width")' : 'chosen("motor", "quiet")'}`, position: groupArg.pos });
    return;
  }
  if (signature.strings === "group") {
    if (!scope.numbers.has(groupArg.value)) {
      errors.push({ message: scope.options.has(groupArg.value) || scope.others?.has(groupArg.value) ? `'${groupArg.value}' is not a number group` : `Unknown group '${groupArg.value}'`, position: groupArg.pos });
    }
    return;
  }
  const options = scope.options.get(groupArg.value);
  if (!options) {
    errors.push({ message: scope.numbers.has(groupArg.value) || scope.others?.has(groupArg.value) ? `'${groupArg.value}' has no options` : `Unknown group '${groupArg.value}'`, position: groupArg.pos });
    return;
  }
  if (optionArg?.type !== "str") {
    errors.push({ message: "chosen() takes an option id in quotes as its second argument", position: optionArg?.pos ?? node.pos });
  } else if (!options.has(optionArg.value)) {
    errors.push({ message: `Unknown option '${optionArg.value}' in group '${groupArg.value}'`, position: optionArg.pos });
  }
}
