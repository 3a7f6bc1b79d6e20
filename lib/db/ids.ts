import { randomFillSync } from "node:crypto";
import { hostname } from "node:os";

// Ids for rows written with raw SQL, in the shape Prisma's @default(cuid()) gives the others: 25
// characters, "c" + time + counter + host/process fingerprint + randomness (base 36), roughly ordered by time.

const BASE = 36;
const BLOCK = 4;
const MAX = BASE ** BLOCK;
const pad = (value: string, size: number) => value.padStart(size, "0").slice(-size);

const fingerprint = (() => {
  const host = hostname();
  let sum = host.length + BASE;
  for (const char of host) sum += char.charCodeAt(0);
  return pad(process.pid.toString(BASE), 2) + pad(sum.toString(BASE), 2);
})();

// Cryptographic randomness drawn in batches (one system call per 512 ids rather than two per id).
const pool = new Uint32Array(1024);
let poolIndex = pool.length;
function randomBlock(): string {
  if (poolIndex >= pool.length) {
    randomFillSync(pool);
    poolIndex = 0;
  }
  return pad((pool[poolIndex++]! % MAX).toString(BASE), BLOCK);
}

let counter = Math.floor(Math.random() * MAX);

/** A new collision-resistant id (cuid), e.g. "cmf3k2x9a0001ab12x7k2p9qz". */
export function newId(): string {
  counter = (counter + 1) % MAX;
  return `c${pad(Date.now().toString(BASE), 8)}${pad(counter.toString(BASE), BLOCK)}${fingerprint}${randomBlock()}${randomBlock()}`;
}
