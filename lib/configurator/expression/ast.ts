// The syntax tree of a pricing expression (see ./parse for the language). Positions are 1-based
// character columns in the source, for messages such as "Unknown name 'widht' at 1".

export type BinaryOp = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "and" | "or";
export type UnaryOp = "-" | "not";

export type Expr =
  | { type: "num"; value: number; pos: number }
  | { type: "str"; value: string; pos: number }
  | { type: "name"; name: string; pos: number }
  | { type: "unary"; op: UnaryOp; arg: Expr; pos: number }
  | { type: "binary"; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { type: "call"; fn: string; args: Expr[]; pos: number };

/** A refusal, with the 1-based column it points at. */
export type ExpressionError = { message: string; position: number };

/** The longest expression source accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;
/** The deepest nesting of parentheses, calls and operators accepted. */
export const MAX_EXPRESSION_DEPTH = 24;
