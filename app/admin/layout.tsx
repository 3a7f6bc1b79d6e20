import { headers } from "next/headers";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/lib/auth/guards";
import { guardedPath } from "@/lib/auth/section-path";

/**
 * Admin section frame: only admins get past it (each page and action checks again on its own). The guard runs
 * here, before the pages' loading boundary starts streaming, so the refusal is a real redirect (307).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin(guardedPath("/admin", await headers()));
  return (
    <div>
      <AdminNav />
      {children}
    </div>
  );
}
