import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("adminHome");
  return { title: t("title") };
}

const SECTIONS = [
  { key: "users", href: "/admin/users" },
  { key: "units", href: "/admin/units" },
  { key: "plans", href: "/admin/plans" },
  { key: "import", href: "/admin/import" },
] as const;

/** 系统管理: where an admin sets up the office — people, units, yearly plans and imports. */
export default async function AdminPage() {
  await requirePagePermission("admin:manage");
  const t = await getTranslations("adminHome");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("title")}>
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              className="block h-full rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              data-testid={`admin-link-${section.key}`}
            >
              <Card className="h-full transition-colors hover:border-primary">
                <CardHeader>
                  <CardTitle className="text-primary">{t(section.key)}</CardTitle>
                  <CardDescription>{t(`${section.key}Hint`)}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
