import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Dashboard, DashboardList } from "@/lib/dashboard/queries";
import { LightBadge } from "@/app/_components/light-badge";
import { ProgressBar } from "@/app/_components/progress-bar";
import { UrgeButton } from "@/app/_components/urge-button";
import { Card, CardContent, CardHeader } from "@/app/_components/ui/card";
import { LIST_FILTERS, taskListHref, type ListKey } from "./links";

const ORDER: ListKey[] = ["red", "overdue", "dueSoon", "notReported"];

function TaskListCard({
  kind,
  list,
  scope,
  canUrge,
}: {
  kind: ListKey;
  list: DashboardList;
  scope: { asOf: string; planId?: number };
  canUrge: boolean;
}) {
  const t = useTranslations("dashboard.lists");
  const title = t(`${kind}.title`);
  const headingId = `list-${kind}-title`;
  return (
    <Card role="region" aria-labelledby={headingId} data-testid={`list-${kind}`}>
      <CardHeader className="flex-row flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {title}
        </h3>
        <Link
          href={taskListHref(scope, LIST_FILTERS[kind])}
          aria-label={t("countLabel", { list: title, count: list.total })}
          className="text-sm text-primary underline-offset-4 hover:underline"
        >
          {t.rich("count", {
            count: list.total,
            n: (chunks) => (
              <span className="font-semibold tabular-nums" data-testid={`list-count-${kind}`}>
                {chunks}
              </span>
            ),
          })}
        </Link>
      </CardHeader>
      <CardContent>
        {list.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t(`${kind}.empty`)}</p>
        ) : (
          // A long list scrolls inside its card; the region can be reached by keyboard to scroll it.
          <div
            className="max-h-96 overflow-y-auto"
            tabIndex={0}
            role="group"
            aria-label={t("itemsLabel", { list: title })}
          >
            <ul className="divide-y">
              {list.items.map((item) => (
                <li
                  key={item.id}
                  className="flex flex-col gap-1.5 py-2"
                  data-testid="list-row"
                  data-task-id={item.id}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link
                      href={`/tasks/${item.id}`}
                      className="min-w-0 flex-1 font-medium hover:text-primary hover:underline"
                    >
                      {item.title}
                    </Link>
                    <LightBadge light={item.light} />
                  </div>
                  <p className="text-xs text-muted-foreground">
                    {t("rowFacts", {
                      unit: item.leadUnitName,
                      owner: item.ownerName,
                      due: item.dueDate,
                    })}
                  </p>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <ProgressBar
                      value={item.progress}
                      time={item.timeProgress}
                      className="max-w-56 flex-1"
                    />
                    {canUrge && (
                      <UrgeButton taskId={item.id} taskTitle={item.title} count={item.urgeCount} />
                    )}
                  </div>
                </li>
              ))}
            </ul>
            {list.total > list.items.length && (
              <p className="pt-2 text-xs text-muted-foreground">
                {t("more", { shown: list.items.length, total: list.total })}
              </p>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** 红灯任务, 已逾期, 30天内到期, 未按期填报: each row links to its task; each count to the list. */
export function DashboardLists({
  lists,
  scope,
  canUrge,
}: {
  lists: Dashboard["lists"];
  scope: { asOf: string; planId?: number };
  canUrge: boolean;
}) {
  const t = useTranslations("dashboard.lists");
  return (
    <section aria-labelledby="lists-title" className="flex flex-col gap-3">
      <h2 id="lists-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-3 md:grid-cols-2">
        {ORDER.map((kind) => (
          <TaskListCard key={kind} kind={kind} list={lists[kind]} scope={scope} canUrge={canUrge} />
        ))}
      </div>
    </section>
  );
}
