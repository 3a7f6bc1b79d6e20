import { countLimitProblem } from "@/lib/configurator/definition/limits";

// The size of a draft definition, the same in the editor (checked before sending) and on the server. The
// request limit for server actions (lib/security/request-checks.ts) leaves room for it and the form around it.

/** The largest draft definition, as UTF-8 JSON bytes. */
export const MAX_DEFINITION_BYTES = 2_000_000;

export const DEFINITION_TOO_LARGE = "The definition is too large to save: at most 2 MB of JSON. Remove some options or rules.";

export type PastedDefinition = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads JSON an admin pasted into the editor, refusing it before anything is rendered when it is over
 * the size the server accepts or over the schema's counts (groups, options per group, rules).
 */
export function readPastedDefinition(text: string): PastedDefinition {
  const tooLarge = (bytes: number) => ({
    ok: false as const,
    message: `This definition is ${(bytes / 1_000_000).toFixed(1)} MB of JSON; at most 2 MB can be saved. Remove some options or rules. Nothing was applied.`,
  });
  // Indented JSON is larger than what is sent; far past the limit it is not even parsed.
  if (text.length > 4 * MAX_DEFINITION_BYTES) return tooLarge(new Blob([text]).size);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  const over = countLimitProblem(value);
  if (over) return { ok: false, message: `${over} Nothing was applied.` };
  const bytes = new Blob([JSON.stringify(value)]).size;
  return bytes > MAX_DEFINITION_BYTES ? tooLarge(bytes) : { ok: true, value };
}
