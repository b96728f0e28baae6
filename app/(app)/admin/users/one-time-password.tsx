"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Copy, KeyRound } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

export interface OneTimeSecret {
  name: string;
  username: string;
  password: string;
}

/**
 * A one-time password, shown once: with a copy button and the note to tell the person in person
 * or by phone. It lives only in this component's state; once dismissed it cannot be shown again.
 */
export function OneTimePassword({
  secret,
  onDismiss,
}: {
  secret: OneTimeSecret;
  onDismiss: () => void;
}) {
  const t = useTranslations("adminUsers");
  const ref = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  // Brought into view and focused, so it is neither missed nor read out of order.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
    ref.current?.focus();
  }, [secret]);

  const copyPassword = async () => {
    try {
      await navigator.clipboard.writeText(secret.password);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="one-time-password-title"
      data-testid="one-time-password"
      className="flex flex-col gap-3 rounded-lg border-2 border-primary/50 bg-primary/5 p-4 outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <h2 id="one-time-password-title" className="flex items-center gap-2 font-semibold">
        <KeyRound aria-hidden className="size-4 shrink-0" />
        {t("oneTimeTitle", { name: secret.name, username: secret.username })}
      </h2>
      <p className="text-sm font-semibold text-destructive" data-testid="one-time-note">
        {t("oneTimeNote")}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <code
          className="rounded-md border bg-card px-3 py-2 font-mono text-lg tracking-wider break-all select-all"
          data-testid="one-time-value"
        >
          {secret.password}
        </code>
        <Button type="button" variant="outline" size="sm" onClick={copyPassword}>
          <Copy aria-hidden />
          {t("copy")}
        </Button>
        <span role="status" className="text-sm text-muted-foreground">
          {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
      <p className="text-sm text-muted-foreground">{t("oneTimeHint")}</p>
      <div>
        <Button type="button" size="sm" onClick={onDismiss} data-testid="one-time-dismiss">
          {t("dismiss")}
        </Button>
      </div>
    </div>
  );
}
