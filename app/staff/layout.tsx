import { StaffNav } from "@/components/staff/staff-nav";

/** The staff area: its own navigation above every page (each page checks the role itself). */
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <div>
      <StaffNav />
      {children}
    </div>
  );
}
