// The pricing expression language: parse (./parse), check names and arities (./check), compile to a
// closure (./compile), print (./print). Pure; the same code runs in the browser and on the server.
export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, type Expr, type ExpressionError } from "./ast";
export { parseExpression, type ParseResult } from "./parse";
export { BARE_NAME, FUNCTIONS, checkExpression, isReservedName, type ExpressionScope } from "./check";
export { compileExpression, nearlyEqual, roundTo, type Bindings, type Outcome } from "./compile";
export { printExpression } from "./print";

import type { ExpressionError } from "./ast";
import { checkExpression, type ExpressionScope } from "./check";
import { parseExpression } from "./parse";

/** Parses and checks a source in a scope: the first error ("Unknown name 'widht' at 1"), or null when it is fine. */
export function expressionError(source: string, scope: ExpressionScope): ExpressionError | null {
  const parsed = parseExpression(source);
  if (!parsed.ok) return parsed.error;
  return checkExpression(parsed.expr, scope)[0] ?? null;
}

/** "Unknown name 'widht' at 1". */
export function describeExpressionError(error: ExpressionError): string {
  return `${error.message} at ${error.position}`;
}
