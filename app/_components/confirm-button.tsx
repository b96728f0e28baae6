"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonProps } from "./ui/button";

/**
 * A button for an action that cannot be taken back at a click: the first click asks, in place,
 * with the question, a confirm button and a cancel button.
 */
export function ConfirmButton({
  question,
  confirmLabel,
  label,
  onConfirm,
  children,
  disabled,
  size = "sm",
  variant = "outline",
}: {
  question: ReactNode;
  confirmLabel: string;
  /** The first button's accessible name, when its text alone is ambiguous (e.g. "归档"). */
  label?: string;
  onConfirm: () => void;
  children: ReactNode;
  disabled?: boolean;
  size?: ButtonProps["size"];
  variant?: ButtonProps["variant"];
}) {
  const t = useTranslations("common");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button
        type="button"
        size={size}
        variant={variant}
        disabled={disabled}
        aria-label={label}
        onClick={() => setAsking(true)}
      >
        {children}
      </Button>
    );
  }
  return (
    <span
      role="group"
      aria-label={label ?? confirmLabel}
      className="flex flex-wrap items-center gap-2 rounded-md border border-destructive/40 bg-destructive/5 px-2 py-1 text-sm"
    >
      <span className="text-destructive">{question}</span>
      <Button
        type="button"
        size="sm"
        variant="destructive"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button type="button" size="sm" variant="ghost" autoFocus onClick={() => setAsking(false)}>
        {t("cancel")}
      </Button>
    </span>
  );
}
