import type { Risk } from "@/lib/production/risk";

/** Days left to the promise in words. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `${-daysLeft} day${daysLeft === -1 ? "" : "s"} late`;
  if (daysLeft === 0) return "due today";
  return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
}

/** Late or at risk, as a badge that stands out (nothing when on track). */
export function RiskBadge({ risk }: { risk: Risk }) {
  if (risk === "late") return <span className="shrink-0 whitespace-nowrap rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">Late</span>;
  if (risk === "at_risk") return <span className="shrink-0 whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">At risk</span>;
  return null;
}
