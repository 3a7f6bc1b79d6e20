// What a person typed into a search box, made safe to look for literally in a Prisma `contains` filter.

/** The text without NUL bytes (PostgreSQL refuses them in text: the whole query would fail), trimmed. */
export function searchText(raw: string): string {
  return raw.replaceAll("\u0000", "").trim();
}

/**
 * The text for a Prisma `contains` filter, which becomes LIKE '%…%' on PostgreSQL without escaping: % and _
 * would match anything, so they (and the escape character itself) are escaped, as the staff board does.
 */
export function containsText(raw: string): string {
  return searchText(raw).replace(/[\\%_]/g, (c) => `\\${c}`);
}
