import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/lib/auth/guards";

/** Admin section frame: only admins get past it (each page and action checks again on its own). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin("/admin");
  return (
    <div>
      <AdminNav />
      {children}
    </div>
  );
}
