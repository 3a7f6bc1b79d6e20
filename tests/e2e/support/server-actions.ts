import fs from "node:fs";
import path from "node:path";

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

// The body encoder is the benchmark's (bench/lib/checkout.ts), shared with the fault drills.
export { actionBody } from "../../../bench/lib/checkout";

/** A FormData of `fields`. */
export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}
