import type { Prisma } from "@/lib/db/client";
import { containsText } from "@/lib/search-text";
import type { Role } from "@/lib/users/schema";
import type { UserSearch } from "./schema";
import { NO_PASSWORD } from "./tokens";

/** `invited`: the account was created by an admin and its owner has not set a password yet. */
export type AdminUserRow = { id: string; name: string; email: string; role: Role; active: boolean; createdAt: Date; orders: number; invited: boolean };

export const USERS_PAGE_SIZE = 25;

/** Users matching a search (name or email), role and status, newest first, one page at a time. */
export async function findUsers(db: Prisma, search: UserSearch): Promise<{ rows: AdminUserRow[]; total: number }> {
  const q = containsText(search.q);
  const where = {
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q, mode: "insensitive" as const } }] } : {}),
    ...(search.role ? { role: search.role } : {}),
    ...(search.status ? { active: search.status === "active" } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (search.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, active: true, createdAt: true, passwordHash: true, _count: { select: { orders: true } } },
    }),
    db.user.count({ where }),
  ]);
  return { rows: rows.map(({ _count, passwordHash, ...u }) => ({ ...u, orders: _count.orders, invited: passwordHash === NO_PASSWORD })), total };
}
