import "server-only";
import pg from "pg";
import { getDatabase } from "@/lib/db";
import { processWide } from "@/lib/process-wide";
import { SESSION_ENDS_CHANNEL } from "@/lib/users/manage-sessions";

/** What the database announces (trigger on order_events) whenever an order changes status. */
export type OrderEventNotice = { orderId: string; eventId: string; from: string | null; to: string };

export const ORDER_EVENTS_CHANNEL = "atelier_order_events";

/**
 * Live streams one account may hold open at once, per app instance (the count lives in the instance's memory:
 * N instances allow up to N times this in all). Enough for a staff member's board, order pages and tabs.
 */
export const LIVE_STREAMS_PER_USER = 10;

/** How often an open stream sends a keep-alive and re-checks that its owner's session still stands. */
const HEARTBEAT_MS = 25_000;

type Listener = (notice: OrderEventNotice) => void;

// One LISTEN connection per process, fanned out to every open stream; works across instances because
// PostgreSQL delivers each NOTIFY to every listening connection. The same connection hears whose sessions
// ended (sign-out, role or active change, password change: lib/users/manage-sessions.ts) and closes their streams.
type Live = { listeners: Set<Listener>; closers: Map<string, Set<() => void>>; open: Map<string, number>; started?: Promise<void> };
const live = processWide<Live>("live-order-events.v2", () => ({ listeners: new Set(), closers: new Map(), open: new Map() }));

function dispatchOrderEvent(payload: string | undefined) {
  if (!payload) return;
  let notice: OrderEventNotice;
  try {
    notice = JSON.parse(payload) as OrderEventNotice;
  } catch {
    return;
  }
  for (const listener of live.listeners) listener(notice);
}

function dispatchSessionsEnded(userId: string | undefined) {
  if (!userId) return;
  for (const close of [...(live.closers.get(userId) ?? [])]) close();
}

async function listenOnPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (message) => {
    if (message.channel === SESSION_ENDS_CHANNEL) dispatchSessionsEnded(message.payload);
    else dispatchOrderEvent(message.payload);
  });
  client.on("error", (error) => {
    console.error("live order events: connection lost, reconnecting", error.message);
    live.started = undefined;
    setTimeout(() => void ensureListening().catch(() => {}), 1000);
  });
  await client.connect();
  await client.query(`LISTEN ${ORDER_EVENTS_CHANNEL}`);
  await client.query(`LISTEN ${SESSION_ENDS_CHANNEL}`);
}

function ensureListening(): Promise<void> {
  live.started ??= (async () => {
    const database = await getDatabase();
    if (database.pglite) {
      await database.pglite.listen(ORDER_EVENTS_CHANNEL, dispatchOrderEvent);
      await database.pglite.listen(SESSION_ENDS_CHANNEL, dispatchSessionsEnded);
    } else if (database.config.kind === "postgres") await listenOnPostgres(database.config.url);
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

/** Who a stream is for: the user (their streams close when their sessions end) and a re-check of their session. */
export type StreamOwner = { userId: string; stillAllowed: () => Promise<boolean> };

/** Takes one of the owner's stream places on this instance, or null when they hold them all; the result gives it back (once). */
function takePlace(userId: string): (() => void) | null {
  const open = live.open.get(userId) ?? 0;
  if (open >= LIVE_STREAMS_PER_USER) return null;
  live.open.set(userId, open + 1);
  let given = false;
  return () => {
    if (given) return;
    given = true;
    const left = (live.open.get(userId) ?? 1) - 1;
    if (left > 0) live.open.set(userId, left);
    else live.open.delete(userId);
  };
}

function onSessionsEnded(userId: string, close: () => void): () => void {
  const set = live.closers.get(userId) ?? new Set();
  set.add(close);
  live.closers.set(userId, set);
  return () => {
    set.delete(close);
    if (!set.size && live.closers.get(userId) === set) live.closers.delete(userId);
  };
}

/**
 * A server-sent-events response that forwards the order events `accept` lets through (already authorized by
 * the caller), with a heartbeat so proxies keep the connection open. It closes when its owner's sessions end
 * (heard from any instance), or when the heartbeat's re-check finds the session no longer stands (the backstop
 * if a notice was missed). A 429 when the owner already holds LIVE_STREAMS_PER_USER streams here.
 */
export async function orderEventStream(request: Request, owner: StreamOwner, accept: (notice: OrderEventNotice) => boolean): Promise<Response> {
  const release = takePlace(owner.userId);
  if (!release) {
    return Response.json(
      { error: `You have at most ${LIVE_STREAMS_PER_USER} live connections open at once. Close another tab or window showing live updates and try again.` },
      { status: 429, headers: { "Retry-After": "30" } },
    );
  }
  const encoder = new TextEncoder();
  let cleanup = release;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed or cancelled
        }
      };
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      let unsubscribe = () => {};
      let forget = () => {};
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        forget();
        release();
      };
      if (request.signal.aborted) return close();
      request.signal.addEventListener("abort", close);
      forget = onSessionsEnded(owner.userId, close);
      try {
        unsubscribe = await subscribeOrderEvents((notice) => {
          if (accept(notice)) send(`event: order\ndata: ${JSON.stringify(notice)}\n\n`);
        });
      } catch (error) {
        cleanup();
        controller.error(error);
        return;
      }
      heartbeat = setInterval(() => {
        send(": keep-alive\n\n");
        void owner.stillAllowed().then((allowed) => allowed || close(), () => {});
      }, HEARTBEAT_MS);
      // Ended while subscribing (a notice that came before the stream was registered is covered by this re-check).
      if (closed) return cleanup();
      send("retry: 3000\n: connected\n\n");
      if (!(await owner.stillAllowed().catch(() => true))) close();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
