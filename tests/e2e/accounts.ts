import path from "node:path";

/** The seeded demo accounts the browser tests sign in with (defaults of prisma/seed-database.ts). */
export const accounts = {
  admin: { email: "admin@atelier.test", password: "admin-demo-2026", name: "Ada Admin" },
  staff: { email: "staff@atelier.test", password: "staff-demo-2026", name: "Sam Staff" },
  customer: { email: "clara@example.com", password: "customer-demo-2026", name: "Clara Customer" },
} as const;

export type AccountRole = keyof typeof accounts;

// Per port, so test runs against different servers never share (or half-write) a session file.
export const storageStateFor = (role: AccountRole) =>
  path.join("playwright", ".auth", `${process.env.E2E_PORT ?? "3100"}-${role}.json`);
