"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";
import { sendMessageAction } from "@/lib/messages/actions";

/** The form under an order's thread: a plain-text message (line breaks kept), sent with the order page's action. */
export function MessageForm({ orderNumber, maxLength, label }: { orderNumber: string; maxLength: number; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(sendMessageAction.bind(null, orderNumber), {});
  const errors = state.errors?.body;
  return (
    <form action={action} className="mt-4 space-y-2">
      <label htmlFor="message-body" className="block text-sm font-medium text-stone-700">{label}</label>
      <textarea
        id="message-body"
        name="body"
        rows={3}
        maxLength={maxLength}
        required
        defaultValue={state.ok ? "" : (state.values?.body ?? "")}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "message-body-hint message-body-error" : "message-body-hint"}
        className={`block w-full rounded-md border px-3 py-2 text-base shadow-sm sm:text-sm ${errors?.length ? "border-red-500" : "border-stone-300"}`}
      />
      <p id="message-body-hint" className="text-xs text-stone-500">Plain text, up to {maxLength.toLocaleString("en")} characters; line breaks are kept.</p>
      {errors?.length ? <p id="message-body-error" className="text-sm text-red-600">{errors.join(" ")}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Sending…">Send message</SubmitButton>
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}
