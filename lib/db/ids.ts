import { randomBytes } from "node:crypto";
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

let counter = randomBytes(4).readUInt32BE() % MAX;

function randomBlock(): string {
  return pad((randomBytes(4).readUInt32BE() % MAX).toString(BASE), BLOCK);
}

/** A new collision-resistant id (cuid), e.g. "cmf3k2x9a0001ab12x7k2p9qz". */
export function newId(): string {
  counter = (counter + 1) % MAX;
  return `c${pad(Date.now().toString(BASE), 8)}${pad(counter.toString(BASE), BLOCK)}${fingerprint}${randomBlock()}${randomBlock()}`;
}
