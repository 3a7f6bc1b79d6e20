import "server-only";
import pg from "pg";
import { getDatabase } from "@/lib/db";
import { processWide } from "@/lib/process-wide";

/** What the database announces (trigger on order_events) whenever an order changes status. */
export type OrderEventNotice = { orderId: string; eventId: string; from: string | null; to: string };

export const ORDER_EVENTS_CHANNEL = "atelier_order_events";

type Listener = (notice: OrderEventNotice) => void;

// One LISTEN connection per process, fanned out to every open stream; works across instances because
// PostgreSQL delivers each NOTIFY to every listening connection.
const live = processWide<{ listeners: Set<Listener>; started?: Promise<void> }>("live-order-events", () => ({ listeners: new Set() }));

function dispatch(payload: string | undefined) {
  if (!payload) return;
  let notice: OrderEventNotice;
  try {
    notice = JSON.parse(payload) as OrderEventNotice;
  } catch {
    return;
  }
  for (const listener of live.listeners) listener(notice);
}

async function listenOnPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (message) => dispatch(message.payload));
  client.on("error", (error) => {
    console.error("live order events: connection lost, reconnecting", error.message);
    live.started = undefined;
    setTimeout(() => void ensureListening().catch(() => {}), 1000);
  });
  await client.connect();
  await client.query(`LISTEN ${ORDER_EVENTS_CHANNEL}`);
}

function ensureListening(): Promise<void> {
  live.started ??= (async () => {
    const database = await getDatabase();
    if (database.pglite) await database.pglite.listen(ORDER_EVENTS_CHANNEL, dispatch);
    else if (database.config.kind === "postgres") await listenOnPostgres(database.config.url);
  })().catch((error: unknown) => {
    live.started = undefined;
    throw error;
  });
  return live.started;
}

/** Calls `listener` for every order status change from now on; returns the unsubscribe function. */
export async function subscribeOrderEvents(listener: Listener): Promise<() => void> {
  await ensureListening();
  live.listeners.add(listener);
  return () => live.listeners.delete(listener);
}

/**
 * A server-sent-events response that forwards the order events `accept` lets through (already
 * authorized by the caller), with a heartbeat so proxies keep the connection open.
 */
export async function orderEventStream(request: Request, accept: (notice: OrderEventNotice) => boolean): Promise<Response> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeOrderEvents((notice) => {
        if (accept(notice)) send(`event: order\ndata: ${JSON.stringify(notice)}\n\n`);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), 25_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
