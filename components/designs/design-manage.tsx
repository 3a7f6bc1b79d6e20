"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteDesignAction, renameDesignAction } from "@/lib/designs/actions";
import type { FormState } from "@/lib/forms/state";

/** Rename and delete for one saved design. */
export function DesignManage({ id, name, maxName }: { id: string; name: string; maxName: number }) {
  const [renamed, rename] = useActionState<FormState, FormData>(renameDesignAction.bind(null, id), {});
  const [deleted, remove] = useActionState<FormState, FormData>(deleteDesignAction.bind(null, id), {});
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={rename} className="flex items-end gap-2" noValidate>
        <Field label="Name" name="name" id={`name-${id}`} defaultValue={renamed.values?.name ?? name} maxLength={maxName} errors={renamed.errors?.name} />
        <SubmitButton tone="secondary" pendingLabel="Renaming…">Rename</SubmitButton>
      </form>
      <form action={remove}>
        <SubmitButton tone="outline-danger" pendingLabel="Deleting…" ariaLabel={`Delete design ${name}`}>Delete</SubmitButton>
      </form>
      <div className="basis-full"><FormMessage message={renamed.message ?? deleted.message} tone={renamed.ok ? "success" : "error"} /></div>
    </div>
  );
}
