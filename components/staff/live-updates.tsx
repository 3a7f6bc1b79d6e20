"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Keeps a staff page current: listens to the order events stream and re-renders the page (server data)
 * when an order moves, so a change made by someone else shows up without a reload.
 */
export function LiveUpdates({ orderId }: { orderId?: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const source = new EventSource("/api/staff/events");
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    source.addEventListener("order", (event) => {
      try {
        const notice = JSON.parse((event as MessageEvent<string>).data) as { orderId: string; from: string | null; to: string };
        if (orderId && notice.orderId !== orderId) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          router.refresh();
          // An event on the same status is a note on the order (a change of specification, a re-promise), not a move.
          setAnnouncement(
            notice.to === "MESSAGE"
              ? "Updated: a new message on an order."
              : notice.from === notice.to
                ? "Updated: an order was changed."
                : `Updated: an order moved to ${notice.to.toLowerCase().replace(/_/g, " ")}.`,
          );
        }, 250);
      } catch {
        // ignore malformed events
      }
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, orderId]);
  const tone = status === "live" ? "bg-green-500" : status === "connecting" ? "bg-amber-400" : "bg-stone-400";
  return (
    <p className="inline-flex items-center gap-2 text-xs text-stone-500 print:hidden" data-testid="live-status" data-status={status}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${tone}`} />
      {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Offline: reload for changes"}
      <span className="sr-only" aria-live="polite">{announcement}</span>
    </p>
  );
}
