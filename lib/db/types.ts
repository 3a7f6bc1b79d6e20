// The Prisma client or an interactive transaction (services accept either): defined beside the client in
// ./client, which uses it too, and re-exported here for the services that import it from this file.
export type { Tx } from "./client";
