import { AdvanceForm } from "@/components/staff/advance-form";
import { CancelForm } from "@/components/staff/cancel-form";
import { ShipForm } from "@/components/staff/ship-form";
import { allowedTransitions, TRANSITION_LABELS } from "@/lib/orders/state-machine";
import type { OrderStatus } from "@/lib/orders/status";
import type { Role } from "@/lib/users/schema";

/** The actions the state machine allows now for this role, and nothing else. */
export function OrderActions({ number, status, role }: { number: string; status: OrderStatus; role: Role }) {
  const allowed = allowedTransitions(status, role);
  const forward = allowed.filter((s) => s !== "CANCELLED");
  if (allowed.length === 0) return <p className="text-sm text-stone-600">No further steps: this order is {status === "CANCELLED" ? "cancelled" : "delivered"}.</p>;
  return (
    <div className="space-y-4">
      {forward.map((to) =>
        to === "SHIPPED" ? (
          <div key={to} id="ship" className="scroll-mt-6">
            <ShipForm number={number} />
          </div>
        ) : (
          <AdvanceForm key={to} number={number} from={status} to={to} label={TRANSITION_LABELS[to]} />
        ),
      )}
      {allowed.includes("CANCELLED") ? <CancelForm number={number} from={status} decline={status === "AWAITING_APPROVAL"} /> : null}
    </div>
  );
}
