import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/app/_components/ui/cn";

export const REVIEW_TABS = ["pending", "approved", "returned"] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];
export type ReviewScope = "mine" | "all";

const href = (status: ReviewTab, scope: ReviewScope | undefined) => {
  const search = new URLSearchParams();
  if (status !== "pending") search.set("status", status);
  if (scope) search.set("scope", scope);
  const text = search.toString();
  return text ? `/reviews?${text}` : "/reviews";
};

/** A link that looks like a segment of a switch; the current one says so to screen readers. */
function Segment({
  to,
  current,
  children,
}: {
  to: string;
  current: boolean;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={to}
      aria-current={current ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        current && "bg-card text-foreground shadow-sm",
      )}
    >
      {children}
    </Link>
  );
}

/**
 * 待审核 / 已通过 / 已退回 and 我分管的 / 全部, as links: the URL holds both (?status=, ?scope=),
 * so a view can be bookmarked and the server renders it first.
 */
export function ReviewFilters({ status, scope }: { status: ReviewTab; scope: ReviewScope }) {
  const t = useTranslations("reviews");
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <nav aria-label={t("statusLabel")} className="flex gap-1 rounded-lg bg-muted p-1">
        {REVIEW_TABS.map((tab) => (
          <Segment key={tab} to={href(tab, scope)} current={tab === status}>
            {t(`status.${tab}`)}
          </Segment>
        ))}
      </nav>
      <nav aria-label={t("scopeLabel")} className="flex gap-1 rounded-lg bg-muted p-1">
        {(["mine", "all"] as const).map((option) => (
          <Segment key={option} to={href(status, option)} current={option === scope}>
            {t(`scope.${option}`)}
          </Segment>
        ))}
      </nav>
    </div>
  );
}
