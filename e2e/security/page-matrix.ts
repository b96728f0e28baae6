import type { ActorName, World } from "./world";

/**
 * The permission matrix of the pages: every page (routes.ts reads them from app/**) × actor →
 * "ok" (200, the page), "forbidden" (403, the forbidden page instead of the content) or "login"
 * (no session: sent to the sign-in page).
 */
export type PageOutcome = "ok" | "forbidden" | "login";
export type PageCells = Record<ActorName, PageOutcome>;

export interface PageEntry {
  page: string;
  expect: PageCells;
  path: (w: World) => string;
}

const cells = (
  cadreOwn: PageOutcome,
  cadreOther: PageOutcome,
  leader: PageOutcome,
  admin: PageOutcome,
): PageCells => ({ anonymous: "login", cadreOwn, cadreOther, leader, admin });

const ALL = cells("ok", "ok", "ok", "ok");
const ADMIN = cells("forbidden", "forbidden", "forbidden", "ok");
const EDITORS = cells("forbidden", "forbidden", "ok", "ok");

const page = (pattern: string, expect: PageCells, path: (w: World) => string = () => pattern) => ({
  page: pattern,
  expect,
  path,
});

export const PAGE_MATRIX: PageEntry[] = [
  // Home: the dashboard for leaders and admins, the cadre's own tasks for cadres.
  page("/", ALL),
  // Open while a one-time password must be changed; and to everyone signed in.
  page("/account/password", ALL),
  page("/admin", ADMIN),
  page("/admin/import", ADMIN),
  page("/admin/plans", ADMIN),
  page("/admin/units", ADMIN),
  page("/admin/users", ADMIN),
  page("/dashboard", ALL),
  // Sign-in itself is open; a signed-in user is sent on to their home page.
  { page: "/login", expect: { ...ALL, anonymous: "ok" }, path: () => "/login" },
  page("/my", ALL),
  page("/notifications", ALL),
  page("/plan", EDITORS),
  page("/plan/settings", EDITORS),
  page("/projects/[id]/edit", EDITORS, (w) => `/projects/${w.projectId}/edit`),
  page("/projects/new", EDITORS),
  page("/projects", ALL),
  page("/reports/print", ALL, (w) => `/reports/print?planId=${w.planId}&month=2021-06`),
  page("/reports", ALL, (w) => `/reports?planId=${w.planId}&month=2021-06`),
  // The review queue is a leader's (admins run the system, they do not review).
  page("/reviews", cells("forbidden", "forbidden", "ok", "forbidden")),
  page("/tasks/[id]/edit", EDITORS, (w) => `/tasks/${w.taskId}/edit`),
  // Only the entry's author edits it.
  page(
    "/tasks/[id]/entries/[entryId]/edit",
    cells("ok", "forbidden", "forbidden", "forbidden"),
    (w) => `/tasks/${w.taskId}/entries/${w.entry.id}/edit`,
  ),
  page("/tasks/[id]", ALL, (w) => `/tasks/${w.taskId}`),
  // 填报: the task's people, leaders and admins; not a cadre of another unit.
  page(
    "/tasks/[id]/report",
    cells("ok", "forbidden", "ok", "ok"),
    (w) => `/tasks/${w.taskId}/report`,
  ),
  page("/tasks/new", EDITORS),
  page("/tasks", ALL),
];
