import fs from "node:fs";
import path from "node:path";

/** Raised when another live process already owns the embedded database directory. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} ` +
        `(${holder.command}, since ${holder.since}). PGlite allows only one process at a time: ` +
        `stop that process first, or point DATABASE_URL at a PostgreSQL server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export type LockInfo = { pid: number; command: string; since: string };

const LOCK_FILE = "atelier.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : null;
  } catch {
    return null;
  }
}

/**
 * Takes the single-process lock on a PGlite data directory (a pid file created with O_EXCL).
 * A stale lock (its process is gone) is replaced; a live one raises DatabaseLockedError.
 * Returns the function that releases it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockInfo = {
    pid: process.pid,
    command: process.argv.slice(1).map((a) => path.basename(a)).join(" ").slice(0, 200) || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      if (holder && holder.pid === process.pid) return () => {};
      if (holder && isAlive(holder.pid)) throw new DatabaseLockedError(dataDir, holder);
      fs.rmSync(file, { force: true }); // stale: its process has exited
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}; try again.`);
}
