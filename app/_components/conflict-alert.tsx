"use client";

import { useFormatter, useTranslations } from "next-intl";
import { conflictInfo } from "@/app/_queries/api-client";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";

/**
 * Says that a save ran into someone else's newer change (409): who, when, and that nothing of
 * this user's change was saved; offers to load the latest.
 */
export function ConflictAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useTranslations("conflict");
  const format = useFormatter();
  const info = conflictInfo(error);
  if (!info) return null;
  const time = info.at
    ? format.dateTime(new Date(info.at), { dateStyle: "short", timeStyle: "short" })
    : "";
  return (
    <Alert variant="destructive" data-testid="conflict-alert" role="alert">
      <p className="font-medium">{t("title")}</p>
      <p className="mt-1">{info.name ? t("byWhom", { name: info.name, time }) : t("unknown")}</p>
      <Button type="button" variant="outline" size="sm" className="mt-2" onClick={onReload}>
        {t("reload")}
      </Button>
    </Alert>
  );
}
