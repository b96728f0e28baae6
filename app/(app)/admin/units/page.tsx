import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { listAdminUnits } from "@/lib/units/admin";
import { UnitsManager } from "./units-manager";

export async function generateMetadata() {
  const t = await getTranslations("adminUnits");
  return { title: t("title") };
}

/** 单位管理: create, rename, retype, archive and restore units (admins only; others get 403). */
export default async function AdminUnitsPage() {
  await requirePagePermission("admin:manage");
  const [t, tHome] = await Promise.all([
    getTranslations("adminUnits"),
    getTranslations("adminHome"),
  ]);
  const items = await listAdminUnits({ includeArchived: true });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin" className="text-sm text-primary underline-offset-4 hover:underline">
          {tHome("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <UnitsManager initialData={{ items }} />
    </div>
  );
}
