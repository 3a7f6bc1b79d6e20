import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkExpression,
  compileExpression,
  describeExpressionError,
  expressionError,
  nearlyEqual,
  parseExpression,
  printExpression,
  roundTo,
  type Bindings,
  type Expr,
  type ExpressionScope,
} from "@/lib/configurator/expression";

type Env = { values: Record<string, number | undefined>; chosen: Set<string>; quantity: number };
const bindings: Bindings<Env> = {
  number: (id) => (env) => (Object.hasOwn(env.values, id) ? env.values[id] : undefined),
  chosen: (group, option) => (env) => env.chosen.has(`${group}/${option}`),
  quantity: (env) => env.quantity,
};
const scope: ExpressionScope = {
  numbers: new Set(["width", "height", "depth"]),
  options: new Map([["motor", new Set(["none", "standard", "quiet"])]]),
  others: new Set(["monogram"]),
};
const env: Env = { values: { width: 120, height: 200, depth: 0 }, chosen: new Set(["motor/quiet"]), quantity: 3 };

function run(source: string, e: Env = env) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(describeExpressionError(parsed.error));
  expect(checkExpression(parsed.expr, scope)).toEqual([]);
  return compileExpression(parsed.expr, bindings)(e);
}
const value = (source: string, e: Env = env) => {
  const outcome = run(source, e);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
};
const error = (source: string) => {
  const found = expressionError(source, scope);
  return found ? describeExpressionError(found) : null;
};

describe("expression language: evaluation", () => {
  it("computes arithmetic with the usual precedence, comparisons and logic as 1/0", () => {
    expect(value("width * height / 10000")).toBe(2.4);
    expect(value("1 + 2 * 3 - 4 / 2")).toBe(5);
    expect(value("(1 + 2) * 3")).toBe(9);
    expect(value("-width + 20")).toBe(-100);
    expect(value("width > 100 and height <= 200")).toBe(1);
    expect(value("width > 100 && height < 200 || quantity == 3")).toBe(1);
    expect(value("not (width > 100)")).toBe(0);
    expect(value("!0")).toBe(1);
    expect(value("0.1 + 0.2 == 0.3")).toBe(1);
  });

  it("offers min, max, round, ceil, floor, abs, if, chosen and value", () => {
    expect(value("min(width, height, 50)")).toBe(50);
    expect(value("max(width, height)")).toBe(200);
    expect(value("round(2.5)")).toBe(3);
    expect(value("round(-2.5)")).toBe(-3);
    expect(value("round(1.005, 2)")).toBe(1.01);
    expect(value("ceil(width / 50)")).toBe(3);
    expect(value("floor(width / 50)")).toBe(2);
    expect(value("abs(0 - 7)")).toBe(7);
    expect(value('if(chosen("motor", "quiet"), 35, 10)')).toBe(35);
    expect(value('chosen("motor", "standard")')).toBe(0);
    expect(value('value("width") * 2')).toBe(240);
    expect(value("quantity * 2")).toBe(6);
  });

  it("reports a division by zero, a missing value and a non-finite result instead of throwing", () => {
    expect(run("width / depth")).toEqual({ ok: false, message: "Division by zero", position: 7 });
    expect(run("width * height", { ...env, values: { width: 100 } })).toMatchObject({ ok: false, missing: "height" });
    const big = Array.from({ length: 40 }, () => "99999999").join(" * ");
    expect(run(big)).toMatchObject({ ok: false, message: "The result is not a finite number" });
    // if() and 'and' evaluate lazily: the branch not taken never divides by zero.
    expect(value("if(depth > 0, width / depth, 0)")).toBe(0);
    expect(value("depth > 0 and width / depth > 1")).toBe(0);
  });
});

describe("expression language: refusals at save", () => {
  it("names the unknown name, function or option and its position", () => {
    expect(error("widht * height")).toBe("Unknown name 'widht' at 1");
    expect(error("width * hieght / 10000")).toBe("Unknown name 'hieght' at 9");
    expect(error("sqrt(width)")).toMatch(/^Unknown function 'sqrt' .* at 1$/);
    expect(error("min()")).toBe("min() takes at least 1 argument, not 0 at 1");
    expect(error("ceil(width, 2)")).toBe("ceil() takes 1 argument, not 2 at 1");
    expect(error('chosen("motor", "turbo")')).toBe("Unknown option 'turbo' in group 'motor' at 17");
    expect(error('chosen("colour", "red")')).toBe("Unknown group 'colour' at 8");
    expect(error("motor * 2")).toMatch(/^'motor' is an option group/);
    expect(error("monogram + 1")).toBe("'monogram' is not a number group at 1");
    expect(error('"width" + 1')).toMatch(/^A string can only name a group/);
    expect(error("width / 0")).toBe("Division by zero at 7");
    expect(error("round(width, 9)")).toMatch(/^round\(x, digits\) takes a whole number of digits/);
  });

  it("refuses syntax errors with their position", () => {
    expect(error("")).toBe("The expression is empty at 1");
    expect(error("width *")).toBe("The expression ends too early at 8");
    expect(error("(width")).toBe("Expected ')', found the end of the expression at 7");
    expect(error("width height")).toBe("Unexpected 'height' at 7");
    expect(error("1 < width < 3")).toBe("Comparisons cannot be chained: use 'and' at 11");
    expect(error("width = 3")).toBe("Use '==' to compare (there is no assignment) at 7");
    expect(error("2.")).toBe("A number needs digits after its decimal point at 3");
  });

  it("refuses hostile inputs cleanly: property access, prototype names, deep nesting, huge inputs", () => {
    expect(error("constructor")).toBe("Unknown name 'constructor' at 1");
    expect(error("__proto__")).toBe("Unknown name '__proto__' at 1");
    expect(error("toString(1)")).toMatch(/^Unknown function 'toString'/);
    expect(error("hasOwnProperty(1)")).toMatch(/^Unknown function 'hasOwnProperty'/);
    expect(error("a.b")).toBe("Property access ('a.') is not allowed at 2");
    expect(error("width.constructor")).toMatch(/^Property access/);
    expect(error("min.call(1)")).toMatch(/^Property access/);
    expect(error("width[0]")).toBe("Unexpected character '[' at 6");
    expect(error("`x`")).toMatch(/^Unexpected character/);
    expect(error("'a\\u0041'")).toMatch(/^Strings cannot contain escapes/);
    expect(error(`${"(".repeat(1000)}1${")".repeat(1000)}`)).toMatch(/^The expression is longer than 500 characters/);
    expect(error(`${"(".repeat(200)}1${")".repeat(200)}`)).toMatch(/^The expression nests deeper than 24 levels/);
    expect(error(`${"-".repeat(100)}1`)).toMatch(/^The expression nests deeper/);
    expect(error("x".repeat(10_000))).toMatch(/^The expression is longer than 500 characters at 501$/);
    expect(error("1 + ".repeat(2_500) + "1")).toMatch(/longer than 500/);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (source) => {
        const parsed = parseExpression(source);
        if (parsed.ok) {
          checkExpression(parsed.expr, scope);
          compileExpression(parsed.expr, bindings)(env);
        } else expect(parsed.error.position).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom("width", "(", ")", "+", "*", "/", "-", "not", "and", "1", ",", "min(", "chosen(", '"motor"', ".", "__proto__"), { maxLength: 60 }), (parts) => {
        const found = expressionError(parts.join(" "), scope);
        if (found) expect(found.position).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});

// Random well-formed trees, evaluated by a plain reference walker next to the compiled closure.
const NAMES = ["width", "height", "depth", "quantity"] as const;
const BINARY_OPS = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"] as const;
const pos = 1;
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 5000 }).map((n) => n / 100)).map((value): Expr => ({ type: "num", value, pos })),
    fc.constantFrom(...NAMES).map((name): Expr => ({ type: "name", name, pos })),
    fc.record({ op: fc.constantFrom("-" as const, "not" as const), arg: tie("expr") }).map(({ op, arg }): Expr => ({ type: "unary", op, arg, pos })),
    fc.record({ op: fc.constantFrom(...BINARY_OPS), left: tie("expr"), right: tie("expr") }).map(({ op, left, right }): Expr => ({ type: "binary", op, left, right, pos })),
    fc.record({ fn: fc.constantFrom("min", "max"), args: fc.array(tie("expr"), { minLength: 1, maxLength: 3 }) }).map(({ fn, args }): Expr => ({ type: "call", fn, args, pos })),
    fc.record({ fn: fc.constantFrom("ceil", "floor", "abs", "round"), arg: tie("expr") }).map(({ fn, arg }): Expr => ({ type: "call", fn, args: [arg], pos })),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map((args): Expr => ({ type: "call", fn: "if", args, pos })),
    fc.constantFrom("none", "quiet").map((option): Expr => ({ type: "call", fn: "chosen", args: [{ type: "str", value: "motor", pos }, { type: "str", value: option, pos }], pos })),
  ),
})).expr;

class DivByZero extends Error {}
function reference(expr: Expr, e: Env): number {
  const b = (v: boolean) => (v ? 1 : 0);
  switch (expr.type) {
    case "num":
      return expr.value;
    case "str":
      throw new Error("string");
    case "name":
      return expr.name === "quantity" ? e.quantity : e.values[expr.name]!;
    case "unary":
      return expr.op === "-" ? -reference(expr.arg, e) : b(reference(expr.arg, e) === 0);
    case "binary": {
      if (expr.op === "and") return b(reference(expr.left, e) !== 0 && reference(expr.right, e) !== 0);
      if (expr.op === "or") return b(reference(expr.left, e) !== 0 || reference(expr.right, e) !== 0);
      const x = reference(expr.left, e);
      const y = reference(expr.right, e);
      const eq = Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
      switch (expr.op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        case "/": if (y === 0) throw new DivByZero(); return x / y;
        case "<": return b(x < y && !eq);
        case "<=": return b(x < y || eq);
        case ">": return b(x > y && !eq);
        case ">=": return b(x > y || eq);
        case "==": return b(eq);
        case "!=": return b(!eq);
      }
    }
    // falls through (unreachable)
    case "call": {
      if (expr.type !== "call") throw new Error("unreachable");
      const args = expr.args;
      switch (expr.fn) {
        case "if": return reference(args[0]!, e) !== 0 ? reference(args[1]!, e) : reference(args[2]!, e);
        case "chosen": return b(e.chosen.has(`motor/${(args[1] as { value: string }).value}`));
        case "min": return Math.min(...args.map((a) => reference(a, e)));
        case "max": return Math.max(...args.map((a) => reference(a, e)));
        case "abs": return Math.abs(reference(args[0]!, e));
        case "ceil": return Math.ceil(Math.round(reference(args[0]!, e) * 1e6) / 1e6);
        case "floor": return Math.floor(Math.round(reference(args[0]!, e) * 1e6) / 1e6);
        case "round": return roundTo(reference(args[0]!, e), 0);
      }
      throw new Error(`unknown ${expr.fn}`);
    }
  }
}

const envArb = fc.record({
  width: fc.integer({ min: 0, max: 400 }),
  height: fc.integer({ min: 0, max: 400 }),
  depth: fc.integer({ min: 0, max: 3 }),
  quantity: fc.integer({ min: 1, max: 20 }),
  quiet: fc.boolean(),
}).map(({ width, height, depth, quantity, quiet }): Env => ({ values: { width, height, depth }, chosen: new Set([quiet ? "motor/quiet" : "motor/none"]), quantity }));

const strip = (expr: Expr): unknown => JSON.parse(JSON.stringify(expr, (k, v) => (k === "pos" ? undefined : v)));

describe("expression language: properties", () => {
  it("prints trees that parse back to the same tree (and print the same)", () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        const printed = printExpression(expr);
        if (printed.length > 500) return;
        const parsed = parseExpression(printed);
        if (!parsed.ok && /nests deeper/.test(parsed.error.message)) return;
        expect(parsed.ok, printed).toBe(true);
        if (!parsed.ok) return;
        expect(strip(parsed.expr)).toEqual(strip(expr));
        expect(printExpression(parsed.expr)).toBe(printed);
      }),
      { numRuns: 1000 },
    );
  });

  it("evaluates like a plain reference evaluator, through printing and parsing", () => {
    fc.assert(
      fc.property(exprArb, envArb, (expr, e) => {
        const printed = printExpression(expr);
        const parsed = parseExpression(printed);
        if (!parsed.ok) return; // too long or too deep for the language: refused, as tested above
        const errors = checkExpression(parsed.expr, scope);
        // The only refusal a well-formed tree can meet: dividing by a literal 0, refused at save.
        for (const err of errors) expect(err.message).toBe("Division by zero");
        if (errors.length > 0) return;
        const outcome = compileExpression(parsed.expr, bindings)(e);
        let expected: number;
        try {
          expected = reference(expr, e);
        } catch (err) {
          if (!(err instanceof DivByZero)) throw err;
          expect(outcome).toMatchObject({ ok: false, message: "Division by zero" });
          return;
        }
        if (!Number.isFinite(expected)) expect(outcome.ok).toBe(false);
        else {
          expect(outcome.ok, printed).toBe(true);
          if (outcome.ok) expect(nearlyEqual(outcome.value, expected) || Object.is(outcome.value, expected + 0), `${printed} = ${expected}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
