import { RE2JS } from "re2js";

// Admin-written text patterns (engraving, monogram) run on RE2 (re2js, pure JavaScript), whose matching
// time grows linearly with the text: a pattern like `([A-Za-z]+ ?)*` that makes a backtracking engine
// (JavaScript's RegExp) take seconds on 31 characters answers at once here. The browser and the server
// both use this module, so they give the same verdict for the same text.

/** The longest text a pattern is ever matched against (a text group's maxLength is at most this). */
export const MAX_PATTERN_INPUT = 1000;

export type TextPattern = {
  /** True when the whole text matches; false for any text longer than `MAX_PATTERN_INPUT` characters. */
  test(text: string): boolean;
};

export type PatternCheck = { ok: true; pattern: TextPattern } | { ok: false; message: string };

/** At most MAX_PATTERN_INPUT characters (code points; a UTF-16 length under the limit needs no count). */
function withinInputLimit(text: string): boolean {
  if (text.length <= MAX_PATTERN_INPUT) return true;
  return text.length <= 2 * MAX_PATTERN_INPUT && [...text].length <= MAX_PATTERN_INPUT;
}

/** Why a pattern was refused, in the admin's words (RE2 leaves out look-arounds and back-references). */
function refusal(error: unknown): string {
  const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : "";
  if (/`\(\?<?[=!]/.test(detail)) return "Look-ahead and look-behind ((?=…), (?!…)) are not supported in patterns";
  if (/escape sequence: `\\[1-9]/.test(detail)) return "Back-references (\\1) are not supported in patterns";
  return `Pattern is not a valid regular expression${detail ? ` (${detail})` : ""}`;
}

/** Compiles a text group's pattern as a whole-text match, or says why it cannot be used. */
export function checkPattern(source: string): PatternCheck {
  try {
    const compiled = RE2JS.compile(source);
    return {
      ok: true,
      pattern: { test: (text) => withinInputLimit(text) && compiled.testExact(text) },
    };
  } catch (error) {
    return { ok: false, message: refusal(error) };
  }
}

/** Compiles a text group's pattern as a whole-text match; null when it does not compile. */
export function compilePattern(source: string): TextPattern | null {
  const checked = checkPattern(source);
  return checked.ok ? checked.pattern : null;
}
