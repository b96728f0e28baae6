"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Label } from "./ui/label";

/** Says a field message in the user's language: shared schemas give keys like "validation.required". */
export function useFieldMessage() {
  const t = useTranslations();
  return (message: string | undefined) =>
    message?.startsWith("validation.") ? t(message as "validation.required") : message;
}

/**
 * A label, its control and the control's error right under it. The control should carry
 * `id={id}`, `aria-invalid` and `aria-describedby={`${id}-error`}` when there is an error.
 */
export function FormField({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const say = useFieldMessage();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {/* The hint stays with an error: it often says what a right value looks like. */}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive" data-testid={`${id}-error`}>
          {say(error)}
        </p>
      )}
    </div>
  );
}

/** Props that tie a control to its FormField's error, and to its hint when it has one. */
export const fieldA11y = (id: string, error: string | undefined, hint = false) => {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim();
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
};
