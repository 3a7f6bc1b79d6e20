"use client";

import { useActionState, useCallback, useState } from "react";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import type { ConfiguratorContent } from "@/components/configurator/static-content";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Definition, Selection } from "@/lib/configurator";
import type { ConfiguratorView } from "@/lib/configurator/view";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Props = {
  product: { slug: string; name: string };
  definition: Definition;
  content: ConfiguratorContent;
  currency: string;
  initial: ConfiguratorView;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** The draft in the configurator, with a form that saves the configuration on screen as a test case. */
export function PreviewWithTestCase({ product, definition, currency, content, initial, action }: Props) {
  const [current, setCurrent] = useState<{ selection: Selection; quantity: number }>({ selection: initial.selection, quantity: initial.quantity });
  const onChange = useCallback((view: ConfiguratorView) => setCurrent({ selection: view.selection, quantity: view.quantity }), []);
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <div className="space-y-6">
      <form action={formAction} className="rounded-xl border border-stone-200 bg-white p-4" aria-labelledby="save-case-title">
        <h2 id="save-case-title" className="text-lg font-semibold">Save this configuration as a test case</h2>
        <p className="mt-1 text-sm text-stone-600">Its current validity, price, lead days and hours become what it must keep; every publish checks them on the draft.</p>
        <input type="hidden" name="selection" value={JSON.stringify(current.selection)} />
        <input type="hidden" name="quantity" value={String(current.quantity)} />
        <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field label="Test case name" name="name" id="test-case-name" required maxLength={120} defaultValue={state.ok ? "" : state.values?.name} key={state.ok ? state.message : "editing"} errors={state.errors?.name ?? state.errors?.selection} />
          <SubmitButton pendingLabel="Saving…">Save as test case</SubmitButton>
        </div>
        <div className="mt-2"><FormMessage message={state.message} tone={state.ok ? "success" : "error"} /></div>
      </form>
      <ProductConfigurator product={product} definition={definition} currency={currency} content={content} initial={initial} preview onConfigurationChange={onChange} />
    </div>
  );
}
