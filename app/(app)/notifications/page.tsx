import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";
import { NotificationList } from "./notification-list";

/**
 * 通知: everything the bell has said, newest first, to mark read one by one or all. Rendered first
 * on the server; the list is handed to the bell's query (its key is oversightKeys.notifications,
 * written out here because a server file cannot read a client module's values).
 */
export default async function NotificationsPage() {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("notifications");
  const queryClient = new QueryClient();
  queryClient.setQueryData(["notifications"], await listNotifications(user));
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("subtitle")}</p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <NotificationList />
      </HydrationBoundary>
    </div>
  );
}
