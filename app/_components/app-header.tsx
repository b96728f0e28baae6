import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./notification-bell";
import { Badge } from "./ui/badge";
import { SignOutButton } from "./sign-out-button";

const NAV: readonly {
  key: "myTasks" | "dashboard" | "reviews" | "tasks" | "reports" | "home" | "plan" | "admin";
  href: string;
  /** Shown only to those it allows; the pages themselves check again. */
  show?: (user: SessionUser) => boolean;
}[] = [
  { key: "myTasks", href: "/my" },
  // 领导驾驶舱: the leaders' overview (admins run the plan, so they see it too).
  { key: "dashboard", href: "/dashboard", show: (user) => can(user, "plan:oversee") },
  { key: "reviews", href: "/reviews", show: (user) => can(user, "entry:review") },
  { key: "tasks", href: "/tasks" },
  // 月报: everyone signed in may read it; publishing and reopening are checked on the page.
  { key: "reports", href: "/reports" },
  { key: "home", href: "/projects" },
  { key: "plan", href: "/plan", show: (user) => can(user, "plan:edit") },
  // 系统管理: people, units, yearly plans and imports.
  { key: "admin", href: "/admin", show: (user) => can(user, "admin:manage") },
];

/**
 * The shell's header: product and plan, navigation, who is signed in, changing one's password,
 * language, sign-out.
 */
export async function AppHeader({
  user,
  planTitle,
}: {
  user: SessionUser;
  planTitle: string | null;
}) {
  const t = await getTranslations();
  return (
    <header className="border-b bg-card print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <div className="min-w-0">
          <Link href="/" className="font-bold text-primary">
            {t("app.name")}
          </Link>
          <p className="truncate text-xs text-muted-foreground" data-testid="current-plan">
            {planTitle ?? t("shell.noPlan")}
          </p>
        </div>
        <nav
          aria-label={t("shell.navigation")}
          className="flex flex-wrap items-center gap-4 text-sm"
        >
          {NAV.filter((item) => !item.show || item.show(user)).map((item) => (
            <Link key={item.href} href={item.href} className="font-medium hover:text-primary">
              {t(`shell.nav.${item.key}`)}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="current-user" className="flex flex-wrap items-center gap-x-1.5">
            <span className="font-medium">{user.name}</span>
            {/* On a phone the name and role are enough; the unit would take a line of its own. */}
            <span className="hidden text-muted-foreground sm:inline">
              {user.unitName}
              {user.title && ` · ${user.title}`}
            </span>
            <Badge variant="secondary" data-testid="current-role">
              {t(`roles.${user.role}`)}
            </Badge>
          </span>
          <NotificationBell />
          <Link
            href="/account/password"
            className="text-muted-foreground hover:text-primary"
            data-testid="change-password-link"
          >
            {t("shell.changePassword")}
          </Link>
          <LanguageSwitch />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
