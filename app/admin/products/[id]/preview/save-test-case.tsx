"use client";

import { useCallback, useRef, useState } from "react";
import { ProductConfigurator } from "@/components/configurator/product-configurator";
import type { ConfiguratorContent } from "@/components/configurator/static-content";
import { useLazy } from "@/components/ui/use-lazy";
import type { Definition } from "@/lib/configurator";
import type { ConfiguratorView } from "@/lib/configurator/view";
import type { FormState } from "@/lib/forms/state";

type Props = {
  /** The form's heading and what a test case keeps, rendered by the page. */
  intro: React.ReactNode;
  product: { slug: string; name: string };
  definition: Definition;
  content: ConfiguratorContent;
  currency: string;
  initial: ConfiguratorView;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

// The form loads when the admin opens it (from the first pointer or focus on the button): the preview page
// is the configurator's JavaScript plus the admin section's, and stays within the 150 KB every page has. The
// button repeats the editor's (components/admin/editor/definition-section.tsx) on purpose: a shared hook for
// both measured 27-104 B more on the pages that load it, and this page has 29 B to spare.
const loadForm = () => import("./test-case-form").then((m) => m.TestCaseForm);

/** The draft in the configurator, with a form that saves the configuration on screen as a test case. */
export function PreviewWithTestCase({ intro, product, definition, currency, content, initial, action }: Props) {
  const current = useRef({ selection: initial.selection, quantity: initial.quantity });
  const onChange = useCallback((view: ConfiguratorView) => {
    current.current = { selection: view.selection, quantity: view.quantity };
  }, []);
  const [open, setOpen] = useState(false);
  const Form = useLazy(loadForm, "test case form");
  const prefetch = () => void Form.load().catch(() => undefined);
  const TestCaseForm = open ? Form.value : null;
  const opening = open && !TestCaseForm && !Form.failed;
  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-stone-200 bg-white p-4" aria-labelledby="save-case-title">
        {intro}
        {TestCaseForm ? (
          <TestCaseForm current={current} action={action} />
        ) : (
          <button
            type="button"
            onPointerEnter={prefetch}
            onFocus={prefetch}
            onClick={() => {
              setOpen(true);
              prefetch();
            }}
            disabled={opening}
            aria-busy={opening || undefined}
            className="mt-3 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-70"
          >
            {opening ? "Opening…" : "New test case…"}
          </button>
        )}
        {open && Form.failed ? <p role="alert" className="mt-2 text-sm text-red-800">The form could not be loaded. Check your connection and press New test case again.</p> : null}
      </section>
      <ProductConfigurator product={product} definition={definition} currency={currency} content={content} initial={initial} preview onConfigurationChange={onChange} />
    </div>
  );
}
