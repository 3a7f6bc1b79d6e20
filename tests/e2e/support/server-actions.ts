import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

// Server actions called the way a page calls them (a POST with the Next-Action header and React's reply
// encoding), so the attacker-side tests can send them any header and any argument.

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The build folder the e2e server serves (NEXT_DIST_DIR, else .next). */
export const distDir = () => path.resolve(process.env.NEXT_DIST_DIR ?? ".next");

/** The id of the server action `exportedName` (a RegExp matches a renamed one) in `filename`, from the server's build. */
export function actionId(filename: string, exportedName: string | RegExp): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir(), "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && (typeof exportedName === "string" ? entry.exportedName === exportedName : exportedName.test(entry.exportedName)));
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in ${distDir()}`);
  return found[0];
}

/** Every server action in the build: [id, "file#name"]. */
export function allActions(): [string, string][] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir(), "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => [id, `${entry.filename}#${entry.exportedName}`]);
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;

/** The body a page sends for `args` (React's reply encoding; a FormData argument makes it multipart). */
export async function actionBody(args: unknown[]): Promise<{ body: string; contentType: string }> {
  const client = (await import("next/dist/compiled/react-server-dom-turbopack/client.node.js" as string)) as { encodeReply?: EncodeReply; default?: { encodeReply: EncodeReply } };
  const encode = client.encodeReply ?? client.default?.encodeReply;
  if (!encode) throw new Error("encodeReply not found in Next's React client");
  const reply = await encode(args);
  if (typeof reply === "string") return { body: reply, contentType: "text/plain;charset=UTF-8" };
  const boundary = `----atelierprobe${randomUUID().replace(/-/g, "")}`;
  let body = "";
  for (const [key, value] of reply.entries()) {
    if (typeof value !== "string") throw new Error("unexpected file in the reply");
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A FormData of `fields`. */
export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}
