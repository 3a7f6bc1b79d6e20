// `npm run db:check`: verifies the invariants of DESIGN.md on the configured database; exits 1 if broken.
import { openDatabase } from "@/lib/db/client";
import { findUnreadableVersions } from "@/lib/catalog/versions/readable";
import { checkConsistency, INVARIANTS } from "@/lib/db/ops/check";
import { resolveDatabaseConfig } from "@/lib/db/config";

async function main() {
  const database = await openDatabase(resolveDatabaseConfig());
  try {
    const findings = await checkConsistency(database.prisma);
    for (const invariant of INVARIANTS) {
      const broken = findings.filter((f) => f.invariant === invariant);
      console.log(`${broken.length ? "FAIL" : "ok  "}  ${invariant}`);
      for (const f of broken.slice(0, 20)) console.log(`        ${f.detail}`);
    }
    const unreadable = await findUnreadableVersions(database.prisma);
    console.log(`${unreadable.length ? "FAIL" : "ok  "}  every published version reads with today's definition schema`);
    for (const u of unreadable.slice(0, 20)) console.log(`        ${u.slug} v${u.version}: ${u.problem}`);
    if (findings.length + unreadable.length) {
      console.log(`\n${findings.length + unreadable.length} problem(s) found.`);
      process.exitCode = 1;
    } else {
      console.log("\nConsistent.");
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
