// HTML written as strings (the emails of lib/notifications, the staff board's cards): the one escaper.

/** Text or an attribute value as HTML: the five characters that can start markup or end an attribute are escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
