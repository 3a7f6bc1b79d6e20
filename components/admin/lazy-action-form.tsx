"use client";

import { lazy, Suspense, type ComponentProps } from "react";

const ActionForm = lazy(() => import("./action-button").then((m) => ({ default: m.ActionForm })));

/**
 * An ActionForm whose code is loaded only where one is rendered: for a button a page shows only sometimes
 * (discarding a draft), so the page does not ship it when it is not there. The server-rendered form stays
 * on screen while its code loads.
 */
export function LazyActionForm(props: ComponentProps<typeof ActionForm>) {
  return (
    <Suspense fallback={null}>
      <ActionForm {...props} />
    </Suspense>
  );
}
