import type { Prisma } from "./client";

/** The Prisma client or an interactive transaction: services accept either. */
export type Tx = Omit<Prisma, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
