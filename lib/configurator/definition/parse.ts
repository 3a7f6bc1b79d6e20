import type { z } from "zod";
import { friendlyMessage } from "./friendly";
import { definitionSchema, type Definition } from "./schema";

export type ParseIssue = { path: string; message: string; code?: string };
export type ParseDefinitionResult = { ok: true; definition: Definition } | { ok: false; issues: ParseIssue[] };

const MAX_JSON_DEPTH = 64;

/** Depth of a JSON-like value, stopping early once past the limit (guards the recursive schema). */
function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Turns zod issues into flat `{ path: "rules.3.when.selected.option", message }` records; with the input
 * that was checked, each message names the group, option, rule or operation it concerns (./friendly).
 */
export function formatIssues(error: z.ZodError, input?: unknown): ParseIssue[] {
  return error.issues.map((issue) => {
    const params = "params" in issue ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const code = typeof params?.code === "string" ? params.code : undefined;
    return {
      path: issue.path.map(String).join("."),
      message: input === undefined ? issue.message : friendlyMessage(input, issue),
      ...(code ? { code } : {}),
    };
  });
}

/** Validates an untrusted definition (object or JSON string) and returns it typed, or every issue with its path. */
export function parseDefinition(input: unknown): ParseDefinitionResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, issues: [{ path: "", message: "The definition is not valid JSON" }] };
    }
  }
  if (exceedsDepth(value, MAX_JSON_DEPTH)) {
    return { ok: false, issues: [{ path: "", message: `The definition nests deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  const parsed = definitionSchema.safeParse(value);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return { ok: false, issues: formatIssues(parsed.error, value) };
}
