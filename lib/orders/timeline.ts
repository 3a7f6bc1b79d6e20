import { isChangeNote } from "./revision";
import { ORDER_STAGES, STATUS_LABELS, type OrderStatus } from "./status";

export type TimelineStep = {
  status: OrderStatus;
  label: string;
  state: "done" | "current" | "upcoming";
  at: Date | null;
  note: string;
  /** Set on the workshop's history (eventHistory): the event's id and who made the change. */
  id?: string;
  actor?: string | null;
  /** In production: the order's operations (shop floor), done, in progress or to come. */
  operations?: { label: string; state: "done" | "current" | "upcoming" }[];
};

/** One operation of the order as the customer follows it. */
export type OperationProgress = { label: string; status: "PENDING" | "RUNNING" | "DONE" };

/** Where production stands in words: the operation in progress, else the next one (null when none is left). */
export function currentOperationText(operations: OperationProgress[]): string | null {
  const running = operations.find((op) => op.status === "RUNNING");
  if (running) return `${running.label} - in progress`;
  const next = operations.find((op) => op.status === "PENDING");
  if (next && operations.some((op) => op.status === "DONE")) return `${next.label} - up next`;
  return null;
}

/**
 * The production line as the customer sees it: stages done (with dates), the current one, those to come; in
 * production, its operations (which are done, which is in progress). Events that note something without a
 * change of status (an operation started or finished, a re-promise) do not move a stage's date.
 */
export function buildTimeline(status: OrderStatus, events: { fromStatus?: OrderStatus | null; toStatus: OrderStatus; createdAt: Date; note: string }[], operations: OperationProgress[] = []): TimelineStep[] {
  const steps = stageTimeline(status, events.filter((e) => e.fromStatus !== e.toStatus));
  if (!operations.length) return steps;
  return steps.map((step) => {
    if (step.status !== "IN_PRODUCTION" || step.state === "upcoming") return step;
    const ops = operations.map((op) => ({ label: op.label, state: op.status === "DONE" ? "done" as const : op.status === "RUNNING" ? "current" as const : "upcoming" as const }));
    const now = step.state === "current" ? currentOperationText(operations) : null;
    return { ...step, operations: ops, note: now ?? step.note };
  });
}

function stageTimeline(status: OrderStatus, events: { toStatus: OrderStatus; createdAt: Date; note: string }[]): TimelineStep[] {
  const reached = new Map(events.map((e) => [e.toStatus, e]));
  // A large order's line starts with its approval (fair use).
  const stages: OrderStatus[] = status === "AWAITING_APPROVAL" || reached.has("AWAITING_APPROVAL") ? ["AWAITING_APPROVAL", ...ORDER_STAGES] : ORDER_STAGES;
  if (status === "CANCELLED") {
    const steps: TimelineStep[] = stages.filter((s) => reached.has(s)).map((s) => ({
      status: s, label: STATUS_LABELS[s], state: "done", at: reached.get(s)?.createdAt ?? null, note: reached.get(s)?.note ?? "",
    }));
    const cancel = reached.get("CANCELLED");
    steps.push({ status: "CANCELLED", label: STATUS_LABELS.CANCELLED, state: "current", at: cancel?.createdAt ?? null, note: cancel?.note ?? "" });
    return steps;
  }
  const currentIndex = stages.indexOf(status);
  return stages.map((s, i) => ({
    status: s,
    label: STATUS_LABELS[s],
    state: i < currentIndex ? "done" : i === currentIndex ? (s === "DELIVERED" ? "done" : "current") : "upcoming",
    at: i <= currentIndex ? reached.get(s)?.createdAt ?? null : null,
    note: i <= currentIndex ? reached.get(s)?.note ?? "" : "",
  }));
}

/** Every status change of an order as the workshop sees it: when, what, who and why; the latest is where the order stands. */
export function eventHistory(events: { id: string; to: OrderStatus; at: Date; note: string; actor: string | null }[]): TimelineStep[] {
  return events.map((e, i) => ({
    id: e.id,
    status: e.to,
    // A change order's event keeps the status; it is named for what it is (its note says what changed).
    label: isChangeNote(e.note) ? `${STATUS_LABELS[e.to]}: specification change` : STATUS_LABELS[e.to],
    state: i < events.length - 1 || e.to === "DELIVERED" ? "done" : "current",
    at: e.at,
    note: e.note,
    actor: e.actor,
  }));
}

/** One change of the specification as the order's history lists it (issue 23). */
export type RevisionStep = { id: string; at: Date; title: string; differences: string[]; detail: string; state: "applied" | "pending" | "declined" };

/**
 * The order's changes in the order they happened: each applied revision with its differences and its effect on
 * price and date, requests waiting for the workshop, and declined ones with the reason.
 */
export function revisionTimeline(
  revisions: { id: string; number: number | null; status: "PENDING" | "APPLIED" | "DECLINED"; createdAt: Date; decidedAt: Date | null; differences: string[]; decisionNote: string; totalBeforeCents: number; totalAfterCents: number; promisedBefore: Date; promisedAfter: Date }[],
  money: (cents: number) => string,
  date: (d: Date) => string,
): RevisionStep[] {
  return revisions.map((r) => {
    const effect = `Price ${money(r.totalBeforeCents)} → ${money(r.totalAfterCents)}; delivery ${date(r.promisedBefore)} → ${date(r.promisedAfter)}`;
    if (r.status === "APPLIED") return { id: r.id, at: r.decidedAt ?? r.createdAt, title: `Revision ${r.number}`, differences: r.differences, detail: [effect, r.decisionNote].filter(Boolean).join(" · "), state: "applied" };
    if (r.status === "PENDING") return { id: r.id, at: r.createdAt, title: "Change requested, waiting for the workshop", differences: r.differences, detail: `If approved: ${effect}`, state: "pending" };
    return { id: r.id, at: r.decidedAt ?? r.createdAt, title: "Change request declined", differences: r.differences, detail: r.decisionNote, state: "declined" };
  });
}
