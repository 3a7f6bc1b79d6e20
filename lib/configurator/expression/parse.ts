import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, type BinaryOp, type Expr, type ExpressionError } from "./ast";

// A small, safe expression language for prices and hours, parsed by hand (precedence climbing) so that
// every node and every refusal carries its position. It has numbers, names (number groups, `quantity`),
// string literals (only as arguments of chosen() and value()), calls of a fixed list of functions,
// + - * /, comparisons (1 or 0), and/or/not (also && || !), and parentheses. There is no property
// access, indexing, assignment or anything else: a '.' after a name, '[' or '=' alone are refused.
// The parser never evaluates anything; ./check validates names and arities, ./compile builds closures.
// Why not a library such as jsep: a general JavaScript-expression parser accepts member access, `this`,
// arrays and compound expressions that this language must refuse anyway, and each node's 1-based
// position is needed for the messages at the field; the grammar is small enough to own (about 200 lines).

type Token =
  | { kind: "num"; value: number; pos: number }
  | { kind: "str"; value: string; pos: number }
  | { kind: "name"; value: string; pos: number }
  | { kind: "op"; value: string; pos: number }
  | { kind: "end"; pos: number };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExpressionError };

class Refusal {
  constructor(readonly error: ExpressionError) {}
}

const refuse = (message: string, position: number): never => {
  throw new Refusal({ message, position });
};

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const TWO_CHAR_OPS = new Set(["<=", ">=", "==", "!=", "&&", "||"]);
const ONE_CHAR_OPS = new Set(["+", "-", "*", "/", "<", ">", "!", "(", ")", ","]);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const pos = i + 1;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    if (DIGIT.test(ch) || (ch === "." && DIGIT.test(source[i + 1] ?? ""))) {
      let j = i;
      while (j < source.length && DIGIT.test(source[j]!)) j++;
      if (source[j] === ".") {
        j++;
        if (!DIGIT.test(source[j] ?? "")) refuse("A number needs digits after its decimal point", j + 1);
        while (j < source.length && DIGIT.test(source[j]!)) j++;
      }
      if (NAME_START.test(source[j] ?? "") || source[j] === ".") refuse(`Unexpected '${source[j]}' after a number`, j + 1);
      tokens.push({ kind: "num", value: Number(source.slice(i, j)), pos });
      i = j;
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < source.length && NAME_PART.test(source[j]!)) j++;
      const name = source.slice(i, j);
      if (source[j] === ".") refuse(`Property access ('${name}.') is not allowed`, j + 1);
      tokens.push({ kind: "name", value: name, pos });
      i = j;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) {
        if (source[j] === "\\") refuse("Strings cannot contain escapes", j + 1);
        j++;
      }
      if (j >= source.length) refuse("This string is not closed", pos);
      tokens.push({ kind: "str", value: source.slice(i + 1, j), pos });
      i = j + 1;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: "op", value: two, pos });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(ch)) {
      tokens.push({ kind: "op", value: ch, pos });
      i++;
      continue;
    }
    if (ch === ".") refuse("Property access is not allowed", pos);
    if (ch === "=") refuse("Use '==' to compare (there is no assignment)", pos);
    refuse(`Unexpected character '${ch}'`, pos);
  }
  tokens.push({ kind: "end", pos: source.length + 1 });
  return tokens;
}

// Binding powers of the binary operators (higher binds tighter); comparisons do not chain.
const BINARY: Record<string, { op: BinaryOp; power: number }> = {
  or: { op: "or", power: 1 },
  "||": { op: "or", power: 1 },
  and: { op: "and", power: 2 },
  "&&": { op: "and", power: 2 },
  "<": { op: "<", power: 4 },
  "<=": { op: "<=", power: 4 },
  ">": { op: ">", power: 4 },
  ">=": { op: ">=", power: 4 },
  "==": { op: "==", power: 4 },
  "!=": { op: "!=", power: 4 },
  "+": { op: "+", power: 5 },
  "-": { op: "-", power: 5 },
  "*": { op: "*", power: 6 },
  "/": { op: "/", power: 6 },
};
const NOT_POWER = 3;
const NEGATE_POWER = 7;
const COMPARE_POWER = 4;

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }
  private next(): Token {
    return this.tokens[this.index++]!;
  }
  private isOp(value: string): boolean {
    const token = this.peek();
    return token.kind === "op" && token.value === value;
  }
  private expect(value: string, what: string): void {
    const token = this.peek();
    if (token.kind === "op" && token.value === value) {
      this.index++;
      return;
    }
    refuse(`Expected ${what}, found ${describe(token)}`, token.pos);
  }

  parseAll(): Expr {
    const expr = this.parse(0, 1);
    const token = this.peek();
    if (token.kind !== "end") refuse(`Unexpected ${describe(token)}`, token.pos);
    return expr;
  }

  /** Parses an expression whose operators bind tighter than `minPower`. */
  parse(minPower: number, depth: number): Expr {
    if (depth > MAX_EXPRESSION_DEPTH) refuse(`The expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, this.peek().pos);
    let left = this.prefix(depth);
    for (;;) {
      const token = this.peek();
      const key = token.kind === "op" || token.kind === "name" ? token.value : "";
      const binary = Object.hasOwn(BINARY, key) ? BINARY[key]! : undefined;
      if (!binary || binary.power <= minPower) break;
      this.index++;
      const right = this.parse(binary.power, depth + 1);
      if (binary.power === COMPARE_POWER) {
        const after = this.peek();
        const afterKey = after.kind === "op" ? after.value : "";
        if (Object.hasOwn(BINARY, afterKey) && BINARY[afterKey]!.power === COMPARE_POWER) {
          refuse("Comparisons cannot be chained: use 'and'", after.pos);
        }
      }
      left = { type: "binary", op: binary.op, left, right, pos: token.pos };
    }
    return left;
  }

  private prefix(depth: number): Expr {
    const token = this.next();
    switch (token.kind) {
      case "num":
        return { type: "num", value: token.value, pos: token.pos };
      case "str":
        return { type: "str", value: token.value, pos: token.pos };
      case "name": {
        if (token.value === "not") return { type: "unary", op: "not", arg: this.parse(NOT_POWER - 1, depth + 1), pos: token.pos };
        if (token.value === "and" || token.value === "or") refuse(`Unexpected '${token.value}'`, token.pos);
        if (!this.isOp("(")) return { type: "name", name: token.value, pos: token.pos };
        this.index++;
        const args: Expr[] = [];
        if (!this.isOp(")")) {
          for (;;) {
            args.push(this.parse(0, depth + 1));
            if (!this.isOp(",")) break;
            this.index++;
          }
        }
        this.expect(")", `')' to close ${token.value}(`);
        return { type: "call", fn: token.value, args, pos: token.pos };
      }
      case "op":
        if (token.value === "(") {
          const inner = this.parse(0, depth + 1);
          this.expect(")", "')'");
          return inner;
        }
        if (token.value === "-") return { type: "unary", op: "-", arg: this.parse(NEGATE_POWER - 1, depth + 1), pos: token.pos };
        if (token.value === "!") return { type: "unary", op: "not", arg: this.parse(NOT_POWER - 1, depth + 1), pos: token.pos };
        return refuse(`Unexpected ${describe(token)}`, token.pos);
      case "end":
        return refuse(token.pos === 1 ? "The expression is empty" : "The expression ends too early", token.pos);
    }
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "the end of the expression";
    case "num":
      return `number ${token.value}`;
    case "str":
      return "a string";
    default:
      return `'${token.value}'`;
  }
}

/** Parses an expression's source; never throws (a refusal comes back with its message and position). */
export function parseExpression(source: string): ParseResult {
  if (typeof source !== "string") return { ok: false, error: { message: "The expression must be text", position: 1 } };
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, error: { message: `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, position: MAX_EXPRESSION_LENGTH + 1 } };
  }
  try {
    return { ok: true, expr: new Parser(tokenize(source)).parseAll() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    throw error;
  }
}
