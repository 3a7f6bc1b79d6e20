import { headers } from "next/headers";
import { StaffNav } from "@/components/staff/staff-nav";
import { requireStaff } from "@/lib/auth/guards";
import { guardedPath } from "@/lib/auth/section-path";

/**
 * The staff area: only staff and admins get past it (each page and action checks again on its own). The guard
 * runs here, before the pages' loading boundary starts streaming, so a visitor who may not see the page gets a
 * real redirect (307), not a 200 whose body carries one.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  await requireStaff(guardedPath("/staff", await headers()));
  return (
    <div>
      <StaffNav />
      {children}
    </div>
  );
}
