// Which spec files each e2e shard runs. Playwright's own --shard splits by number of tests in file order, which
// left one shard 89 s behind the other on PostgreSQL (401 s against 312 s). Here whole files (a file's tests run in
// order and may share state) are dealt longest first to the shard with the least work so far, weighed by the
// seconds each file took in a CI run (tests/e2e/file-seconds.json: the mean of the PGlite and PostgreSQL passes).
import fs from "node:fs";
import path from "node:path";

/** What a spec file with no measured time counts for (a new file, until the table is measured again). */
export const UNMEASURED_SECONDS = 15;

/** The spec files under `dir`, as paths relative to the project ("tests/e2e/x.spec.ts"), sorted. */
export function specFiles(root: string, dir = "tests/e2e"): string[] {
  return fs
    .readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith(".spec.ts"))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** The measured seconds per spec file (tests/e2e/file-seconds.json). */
export function measuredSeconds(root: string): Record<string, number> {
  return JSON.parse(fs.readFileSync(path.join(root, "tests/e2e/file-seconds.json"), "utf8")) as Record<string, number>;
}

/**
 * Deals every file to one of `shards` lists: longest first, each to the list with the fewest seconds so far (ties:
 * the lower shard). Each list comes back sorted; Playwright runs a shard's files in path order in any case. The
 * lists are given to Playwright as file filters, which match substrings of paths, so no file's path may be part of
 * another's.
 */
export function planShards(files: string[], seconds: Record<string, number>, shards: number): string[][] {
  for (const file of files) {
    const other = files.find((f) => f !== file && f.includes(file));
    if (other) throw new Error(`${file} is part of ${other}'s path: as a Playwright filter it would also run ${other}`);
  }
  const weight = (file: string) => seconds[file] ?? UNMEASURED_SECONDS;
  const plan = Array.from({ length: shards }, () => ({ seconds: 0, files: [] as string[] }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = plan.reduce((best, shard) => (shard.seconds < best.seconds ? shard : best));
    lightest.files.push(file);
    lightest.seconds += weight(file);
  }
  return plan.map((shard) => shard.files.sort());
}
