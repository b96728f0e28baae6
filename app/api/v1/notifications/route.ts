import { apiRoute } from "@/lib/api/route";
import { listNotifications } from "@/lib/notifications/queries";

/** GET /api/v1/notifications → `{ unread, items }`: the caller's bell, newest first. */
export const GET = apiRoute(async ({ user }) => listNotifications(user));
