import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What a signed-in user sees on a page the policy does not allow them (HTTP 403). */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold" data-testid="forbidden">
        {t("title")}
      </h1>
      <p className="text-sm text-muted-foreground">{t("body")}</p>
      <Link href="/" className="text-primary underline-offset-4 hover:underline">
        {t("back")}
      </Link>
    </main>
  );
}
