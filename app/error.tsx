"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";

/** A page that failed to render: a plain message and a retry, never the error's internals. */
export default function PageError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Alert variant="destructive" role="alert" className="flex flex-wrap items-center gap-3">
        <span>{t("errors.internal")}</span>
        <Button variant="outline" size="sm" onClick={reset}>
          {t("shell.retry")}
        </Button>
      </Alert>
    </main>
  );
}
