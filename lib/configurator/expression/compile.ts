import type { Expr } from "./ast";
import { cleanFloat } from "../evaluate/rounding";

// Compiles a checked expression (see ./check) to a closure, once per definition: evaluating it is a few
// function calls, with no parsing, no eval or Function, no property lookups by name. Evaluation never
// throws: a division by zero, a non-finite result or a group with no value comes back as a failure.

/** How the compiled closure reads its environment (the engine passes its state array). */
export type Bindings<E> = {
  /** Reader of a number group's value (undefined while it has none). */
  number(id: string): (env: E) => number | undefined;
  /** Reader of "option chosen in group". */
  chosen(group: string, option: string): (env: E) => boolean;
  quantity(env: E): number;
};

export type Outcome = { ok: true; value: number } | { ok: false; message: string; position: number; missing?: string };

type Context = { failure: Outcome | undefined };
type Node<E> = (env: E, ctx: Context) => number;

/** Two numbers count as equal when they differ by float noise only (0.1 + 0.2 == 0.3 holds). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Rounds to `digits` decimals, halves away from zero, float noise removed first (as money is rounded). */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  const magnitude = Math.floor(cleanFloat(Math.abs(value) * scale) + 0.5) / scale;
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

const truth = (b: boolean) => (b ? 1 : 0);

function fail(ctx: Context, message: string, position: number, missing?: string): number {
  ctx.failure ??= { ok: false, message, position, ...(missing !== undefined ? { missing } : {}) };
  return 0;
}

function build<E>(node: Expr, bind: Bindings<E>): Node<E> {
  switch (node.type) {
    case "num": {
      const value = node.value;
      return () => value;
    }
    case "str":
      return (_env, ctx) => fail(ctx, "A string is not a number", node.pos);
    case "name": {
      if (node.name === "quantity") return (env) => bind.quantity(env);
      return readNumber(node.name, node.pos, bind);
    }
    case "unary": {
      const arg = build(node.arg, bind);
      return node.op === "-" ? (env, ctx) => -arg(env, ctx) : (env, ctx) => truth(arg(env, ctx) === 0);
    }
    case "binary":
      return binary(node, bind);
    case "call":
      return call(node, bind);
  }
}

function readNumber<E>(id: string, pos: number, bind: Bindings<E>): Node<E> {
  const read = bind.number(id);
  return (env, ctx) => {
    const value = read(env);
    return value === undefined ? fail(ctx, `needs a value for '${id}'`, pos, id) : value;
  };
}

function binary<E>(node: Extract<Expr, { type: "binary" }>, bind: Bindings<E>): Node<E> {
  const a = build(node.left, bind);
  const b = build(node.right, bind);
  switch (node.op) {
    case "+":
      return (env, ctx) => a(env, ctx) + b(env, ctx);
    case "-":
      return (env, ctx) => a(env, ctx) - b(env, ctx);
    case "*":
      return (env, ctx) => a(env, ctx) * b(env, ctx);
    case "/":
      return (env, ctx) => {
        const x = a(env, ctx);
        const y = b(env, ctx);
        return y === 0 ? fail(ctx, "Division by zero", node.pos) : x / y;
      };
    case "<":
      return (env, ctx) => {
        const x = a(env, ctx);
        const y = b(env, ctx);
        return truth(x < y && !nearlyEqual(x, y));
      };
    case "<=":
      return (env, ctx) => {
        const x = a(env, ctx);
        const y = b(env, ctx);
        return truth(x < y || nearlyEqual(x, y));
      };
    case ">":
      return (env, ctx) => {
        const x = a(env, ctx);
        const y = b(env, ctx);
        return truth(x > y && !nearlyEqual(x, y));
      };
    case ">=":
      return (env, ctx) => {
        const x = a(env, ctx);
        const y = b(env, ctx);
        return truth(x > y || nearlyEqual(x, y));
      };
    case "==":
      return (env, ctx) => truth(nearlyEqual(a(env, ctx), b(env, ctx)));
    case "!=":
      return (env, ctx) => truth(!nearlyEqual(a(env, ctx), b(env, ctx)));
    // and/or short-circuit, so `width > 0 and 100 / width > 2` never divides by zero.
    case "and":
      return (env, ctx) => truth(a(env, ctx) !== 0 && b(env, ctx) !== 0);
    case "or":
      return (env, ctx) => truth(a(env, ctx) !== 0 || b(env, ctx) !== 0);
  }
}

function call<E>(node: Extract<Expr, { type: "call" }>, bind: Bindings<E>): Node<E> {
  const { args } = node;
  const str = (i: number) => {
    const arg = args[i];
    return arg?.type === "str" ? arg.value : undefined;
  };
  switch (node.fn) {
    case "chosen": {
      const group = str(0);
      const option = str(1);
      if (group === undefined || option === undefined) return (_env, ctx) => fail(ctx, "chosen() takes a group and an option id", node.pos);
      const test = bind.chosen(group, option);
      return (env) => truth(test(env));
    }
    case "value": {
      const group = str(0);
      if (group === undefined) return (_env, ctx) => fail(ctx, "value() takes a group id", node.pos);
      return readNumber(group, node.pos, bind);
    }
    case "if": {
      const [c, t, e] = args.map((arg) => build(arg, bind)) as [Node<E>, Node<E>, Node<E>];
      return (env, ctx) => (c(env, ctx) !== 0 ? t(env, ctx) : e(env, ctx));
    }
    case "min":
    case "max": {
      const parts = args.map((arg) => build(arg, bind));
      const pick = node.fn === "min" ? Math.min : Math.max;
      return (env, ctx) => {
        let result = parts[0]!(env, ctx);
        for (let i = 1; i < parts.length; i++) result = pick(result, parts[i]!(env, ctx));
        return result;
      };
    }
    case "round": {
      const x = build(args[0]!, bind);
      const digits = args[1]?.type === "num" ? args[1].value : 0;
      return (env, ctx) => roundTo(x(env, ctx), digits);
    }
    case "ceil":
    case "floor":
    case "abs": {
      const x = build(args[0]!, bind);
      const fn = node.fn === "ceil" ? (v: number) => Math.ceil(cleanFloat(v)) : node.fn === "floor" ? (v: number) => Math.floor(cleanFloat(v)) : Math.abs;
      return (env, ctx) => fn(x(env, ctx));
    }
    default:
      return (_env, ctx) => fail(ctx, `Unknown function '${node.fn}'`, node.pos);
  }
}

/** Compiles an expression; the closure returns its value, or the first failure met while computing it. */
export function compileExpression<E>(expr: Expr, bind: Bindings<E>): (env: E) => Outcome {
  const root = build(expr, bind);
  return (env) => {
    const ctx: Context = { failure: undefined };
    const value = root(env, ctx);
    if (ctx.failure) return ctx.failure;
    if (!Number.isFinite(value)) return { ok: false, message: "The result is not a finite number", position: 1 };
    return { ok: true, value: value === 0 ? 0 : value };
  };
}
