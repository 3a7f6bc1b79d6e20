import type { ThreadMessage } from "@/lib/messages/queries";
import { MESSAGE_MAX_LENGTH } from "@/lib/messages/schema";
import { MessageForm } from "./message-form";

const timeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/**
 * An order's conversation between its customer and the workshop, newest last, with the form to write.
 * Bodies are plain text rendered as text (React escapes them), line breaks kept by white-space.
 * The page refreshes it live (the order's event stream announces new messages).
 */
export function MessagesThread({ orderNumber, messages, viewer, intro }: { orderNumber: string; messages: ThreadMessage[]; viewer: "CUSTOMER" | "STAFF"; intro?: string }) {
  const mine = (m: ThreadMessage) => m.side === viewer;
  const who = (m: ThreadMessage) => (viewer === "CUSTOMER" ? (mine(m) ? "You" : `${m.authorName} (workshop)`) : mine(m) ? `${m.authorName} (workshop)` : `${m.authorName} (customer)`);
  return (
    <section aria-labelledby="messages" className="rounded-xl border border-stone-200 bg-white p-5" data-testid="messages">
      <h2 id="messages" className="text-lg font-semibold">Messages</h2>
      <p className="mt-1 text-sm text-stone-600">
        {intro ?? (viewer === "CUSTOMER" ? "Questions about your order? Write to the workshop here; we also answer by email." : "The conversation with the customer; each message is also emailed to them.")}
      </p>
      {messages.length ? (
        <ol className="mt-4 space-y-3" aria-label="Message thread, newest last">
          {messages.map((m) => (
            <li key={m.id} className={`flex ${mine(m) ? "justify-end" : "justify-start"}`} data-testid="message" data-side={m.side}>
              <article className={`max-w-[85%] rounded-lg px-3 py-2 text-sm ${mine(m) ? "bg-brand-50 text-stone-900" : "bg-stone-100 text-stone-900"}`}>
                <header className="flex flex-wrap items-baseline gap-x-2 text-xs text-stone-600">
                  <span className="font-medium text-stone-800">{who(m)}</span>
                  <time dateTime={m.createdAt.toISOString()}>{timeFormat.format(m.createdAt)} UTC</time>
                  {viewer === "STAFF" && m.side === "CUSTOMER" && !m.readAt ? <span className="rounded-full bg-red-100 px-1.5 text-red-800">new</span> : null}
                </header>
                <p className="mt-1 whitespace-pre-wrap break-words" data-testid="message-body">{m.body}</p>
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-4 text-sm text-stone-500">No messages yet.</p>
      )}
      <MessageForm orderNumber={orderNumber} maxLength={MESSAGE_MAX_LENGTH} label={viewer === "CUSTOMER" ? "Message to the workshop" : "Reply to the customer"} />
    </section>
  );
}
