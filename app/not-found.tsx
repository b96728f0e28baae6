import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Link href="/" className="text-primary underline-offset-4 hover:underline">
        {t("back")}
      </Link>
    </main>
  );
}
