"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Listens to an order's live event stream and re-renders the page when its status changes. */
export function LiveRefresh({ streamUrl }: { streamUrl: string }) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(streamUrl);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("order", () => router.refresh());
    return () => source.close();
  }, [streamUrl, router]);
  return (
    <p className="flex items-center gap-2 text-xs text-stone-500" data-testid="live-indicator" data-connected={connected}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${connected ? "bg-green-500" : "bg-stone-300"}`} />
      {connected ? "Live: this page updates as the workshop moves your order" : "Connecting to live updates…"}
    </p>
  );
}
