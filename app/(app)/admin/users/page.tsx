import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listAdminUnits } from "@/lib/units/admin";
import { listTasksNeedingOwner, listUsers } from "@/lib/users/admin";
import { NeedsOwnerCard } from "./needs-owner-card";
import { UsersManager } from "./users-manager";

export async function generateMetadata() {
  const t = await getTranslations("adminUsers");
  return { title: t("title") };
}

/** The current plan's tasks needing a new owner; none when there is no plan yet. */
async function tasksNeedingOwner() {
  try {
    return await listTasksNeedingOwner();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return [];
    throw error;
  }
}

/**
 * 人员管理: people with search and filters, create (with a one-time password shown once), edit,
 * deactivate, reactivate, reset password, and the tasks whose owner was deactivated. Admins only.
 */
export default async function AdminUsersPage() {
  const user = await requirePagePermission("admin:manage");
  const [t, tHome] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("adminHome"),
  ]);
  const [people, units, needsOwner] = await Promise.all([
    listUsers({}),
    listAdminUnits({ includeArchived: true }),
    tasksNeedingOwner(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin" className="text-sm text-primary underline-offset-4 hover:underline">
          {tHome("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <UsersManager
        currentUserId={user.id}
        initialData={{ items: people }}
        units={units.map(({ id, name, archived }) => ({ id, name, archived }))}
      />
      <NeedsOwnerCard initialData={{ items: needsOwner }} />
    </div>
  );
}
