import type { Expr } from "./ast";

// Prints a syntax tree back to source with the fewest parentheses that parse to the same tree
// (print(parse(print(e))) === print(e)); the editor and the tests use it.

const POWER: Record<string, number> = { or: 1, and: 2, "<": 4, "<=": 4, ">": 4, ">=": 4, "==": 4, "!=": 4, "+": 5, "-": 5, "*": 6, "/": 6 };
const ATOM = 100;

function power(expr: Expr): number {
  if (expr.type === "binary") return POWER[expr.op]!;
  if (expr.type === "unary") return expr.op === "-" ? 7 : 3;
  return ATOM;
}

function number(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

const wrap = (text: string, yes: boolean) => (yes ? `(${text})` : text);

export function printExpression(expr: Expr): string {
  switch (expr.type) {
    case "num":
      return number(expr.value);
    case "str":
      return JSON.stringify(expr.value);
    case "name":
      return expr.name;
    case "unary":
      return expr.op === "-" ? `-${wrap(printExpression(expr.arg), power(expr.arg) < 7)}` : `not ${wrap(printExpression(expr.arg), power(expr.arg) <= 2)}`;
    case "binary": {
      const p = POWER[expr.op]!;
      const left = wrap(printExpression(expr.left), power(expr.left) < p || (p === 4 && power(expr.left) === 4));
      const right = wrap(printExpression(expr.right), power(expr.right) <= p);
      return `${left} ${expr.op} ${right}`;
    }
    case "call":
      return `${expr.fn}(${expr.args.map(printExpression).join(", ")})`;
  }
}
