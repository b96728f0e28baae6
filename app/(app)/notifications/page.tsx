import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";
import { NotificationList } from "./notification-list";

/**
 * 通知: everything the bell has said, newest first, to mark read one by one or all. Rendered first
 * on the server; the list starts the bell's query (useNotifications) with it.
 */
export default async function NotificationsPage() {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const [t, notifications] = await Promise.all([
    getTranslations("notifications"),
    listNotifications(user),
  ]);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("subtitle")}</p>
      </header>
      <NotificationList initialData={notifications} />
    </div>
  );
}
