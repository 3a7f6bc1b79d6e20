// Reading a V8 CPU profile (node --cpu-prof) of a bench server: shared by bench/placement.ts and
// bench/staff-board-load.ts (PROFILE=1).
import fs from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Prints where a `--cpu-prof` profile spent its time: the packages and files, then the functions, with the most self time. */
export function summarizeProfile(file: string) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(\.next[\w-]*)\//, "$1/") || "(native)";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const pkg = file.startsWith("(") ? file : file.split("/").slice(0, file.startsWith("@") ? 2 : file.startsWith(".next") ? 4 : 1).join("/");
    files.set(pkg, (files.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join("\n");
  console.log(`\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled\n-- by package/file --\n${top(files, 25)}\n-- by function --\n${top(fns, 40)}`);
}

