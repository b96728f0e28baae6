"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Languages } from "lucide-react";
import { setLocale } from "@/app/_actions/locale";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "./ui/cn";

const LABELS: Record<(typeof LOCALES)[number], string> = { "zh-CN": "中文", en: "English" };

/** 中文 | English: switches the interface language and re-renders the page on the server. */
export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("shell");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <div
      role="group"
      aria-label={t("language")}
      className={cn("flex items-center gap-1 text-sm", className)}
    >
      <Languages aria-hidden className="size-4 text-muted-foreground" />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          disabled={pending}
          aria-pressed={locale === current}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
          className={cn(
            "rounded px-1.5 py-0.5 hover:bg-accent disabled:opacity-50",
            locale === current ? "font-semibold text-foreground" : "text-muted-foreground",
          )}
        >
          {LABELS[locale]}
        </button>
      ))}
    </div>
  );
}
