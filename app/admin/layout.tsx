import { AdminNav } from "@/components/admin/admin-nav";
import { requireRole } from "@/lib/auth/session";

/** Admin section frame: only admins get past it (each page and action checks again on its own). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireRole(["ADMIN"], "/admin");
  return (
    <div>
      <AdminNav />
      {children}
    </div>
  );
}
