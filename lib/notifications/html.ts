// The one place email HTML is written: every piece of text goes through escapeHtml, every link through
// safeHref (absolute http(s) only), so nothing a customer typed can become markup in someone's inbox.
import { escapeHtml } from "@/lib/html";

/** Text as HTML with its line breaks kept (a message or a note keeps the lines its author wrote). */
export function escapeMultiline(value: string): string {
  return escapeHtml(value).replace(/\r\n|\r|\n/g, "<br>");
}

/** An absolute http(s) URL ready for an href attribute; anything else (relative, javascript:, malformed) throws. */
export function safeHref(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email links must be absolute URLs: ${url}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`Email links must be http(s): ${url}`);
  return escapeHtml(url);
}
