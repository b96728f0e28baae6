"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { TaskEntry } from "@/lib/entries/queries";
import type { InstructionItem } from "@/lib/instructions/queries";
import type { UrgeItem } from "@/lib/urges/urges";
import type { TaskDetail } from "@/lib/tasks/queries";
import { useTaskEntries } from "@/app/_queries/entries";
import { useTask, useTaskHistory, useUpdateTask } from "@/app/_queries/tasks";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { HistoryList } from "@/app/_components/history-list";
import { LightBadge } from "@/app/_components/light-badge";
import { ProgressBar } from "@/app/_components/progress-bar";
import { StatusBadge } from "@/app/_components/status-badge";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/app/_components/ui/tabs";
import { IndicatorCharts } from "./indicator-charts";
import { IndicatorsSection } from "./indicators-section";
import { InstructionsSection } from "./instructions-section";
import { StatusControl } from "./status-control";
import { TaskTimeline } from "./task-timeline";
import { UrgesSection } from "./urges-section";

export interface TaskPermissions {
  report: boolean;
  reopen: boolean;
  edit: boolean;
  /** Write 领导批示 (leaders). */
  instruct: boolean;
  /** 催办 the owner (leaders). */
  urge: boolean;
  /** 通过 / 退回 pending entries on the timeline (leaders; each entry says if it is theirs to). */
  review: boolean;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function TaskView({
  initialTask,
  entries,
  instructions,
  urges,
  permissions,
}: {
  initialTask: TaskDetail;
  entries: TaskEntry[];
  instructions: InstructionItem[];
  urges: UrgeItem[];
  permissions: TaskPermissions;
}) {
  const t = useTranslations("task");
  const { data } = useTask(initialTask.id, initialTask);
  const task = data ?? initialTask;
  const history = useTaskHistory(task.id);
  const timeline = useTaskEntries(task.id, entries).data ?? entries;
  const archive = useUpdateTask(task.id);
  const saved = useSearchParams().get("saved");

  return (
    <article className="flex flex-col gap-5" data-testid="task-detail">
      <Link href="/tasks" className="text-sm text-primary hover:underline">
        ← {t("back")}
      </Link>
      <header className="flex flex-col gap-2">
        <p className="text-sm text-muted-foreground">{task.projectTitle}</p>
        <h1 className="text-2xl font-bold">{task.title}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="task-status">
            <StatusBadge status={task.status} />
          </span>
          <LightBadge light={task.light} />
          <span className="text-xs text-muted-foreground">{t("asOf", { date: task.asOf })}</span>
          {task.completedOn && (
            <span className="text-xs text-muted-foreground">
              {t("completedOn", { date: task.completedOn })}
            </span>
          )}
        </div>
        {task.archived && <Alert>{t("archived")}</Alert>}
        {permissions.report && !task.archived && (
          <Button asChild className="self-start">
            <Link href={`/tasks/${task.id}/report`}>{t("report")}</Link>
          </Button>
        )}
        {(saved === "reported" || saved === "edited" || saved === "resubmitted") && (
          <Alert role="status" data-testid="entry-saved">
            {t(`saved.${saved}`)}
          </Alert>
        )}
      </header>

      <Card>
        <CardContent className="flex flex-col gap-4 pt-4 sm:pt-5">
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Fact label={t("owner")}>{task.ownerName}</Fact>
            <Fact label={t("leadUnit")}>{task.leadUnitName}</Fact>
            <Fact label={t("coUnits")}>
              {task.coUnits.length > 0 ? task.coUnits.map((u) => u.name).join("、") : t("none")}
            </Fact>
            <Fact label={t("period")}>
              <span className="tabular-nums">
                {task.startDate} ~ {task.dueDate}
              </span>
            </Fact>
            <Fact label={t("progress")}>
              <ProgressBar value={task.progress} time={task.timeProgress} />
            </Fact>
            <Fact label={t("timeProgress")}>
              <ProgressBar value={task.timeProgress} label={t("timeProgress")} />
            </Fact>
            <Fact label={t("weight")}>{task.weight}</Fact>
            {task.indicators.length === 0 && task.percent !== null && (
              <Fact label={t("progress")}>{t("percent", { percent: `${task.percent}%` })}</Fact>
            )}
          </dl>
          {task.description && (
            <Fact label={t("description")}>
              <p className="whitespace-pre-line">{task.description}</p>
            </Fact>
          )}
          {task.status === "blocked" && task.blockedReason && (
            <Alert variant="destructive" data-testid="blocked-reason">
              <span className="font-medium">{t("blockedReason")}：</span>
              {task.blockedReason}
            </Alert>
          )}
          {task.status === "completed" && task.completionNote && (
            <Alert>
              <span className="font-medium">{t("completionNote")}：</span>
              {task.completionNote}
            </Alert>
          )}
          {permissions.report && <StatusControl task={task} canReopen={permissions.reopen} />}
          {permissions.edit && (
            <div className="flex flex-wrap gap-2 border-t pt-4" data-testid="plan-edit-controls">
              <Button asChild variant="outline" size="sm">
                <Link href={`/tasks/${task.id}/edit`}>{t("edit")}</Link>
              </Button>
              {task.archived ? (
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  disabled={archive.isPending}
                  onClick={() => archive.mutate({ version: task.version, archived: false })}
                >
                  {t("restore")}
                </Button>
              ) : (
                <ConfirmButton
                  variant="ghost"
                  question={t("confirmArchive")}
                  confirmLabel={t("archive")}
                  disabled={archive.isPending}
                  onConfirm={() => archive.mutate({ version: task.version, archived: true })}
                >
                  {t("archive")}
                </ConfirmButton>
              )}
              <ConflictAlert error={archive.error} onReload={() => archive.reset()} />
            </div>
          )}
        </CardContent>
      </Card>

      <InstructionsSection
        taskId={task.id}
        initial={instructions}
        canInstruct={permissions.instruct && !task.archived}
      />
      <UrgesSection
        taskId={task.id}
        taskTitle={task.title}
        initial={urges}
        // The server refuses to urge a completed or archived task: nobody is late on it.
        canUrge={permissions.urge && !task.archived && task.status !== "completed"}
      />

      <IndicatorsSection taskId={task.id} indicators={task.indicators} canEdit={permissions.edit} />
      <IndicatorCharts indicators={task.indicators} task={task} entries={timeline} />

      <Tabs defaultValue="timeline">
        <TabsList aria-label={t("tabs.label")}>
          <TabsTrigger value="timeline">{t("tabs.timeline")}</TabsTrigger>
          <TabsTrigger value="history">{t("tabs.history")}</TabsTrigger>
        </TabsList>
        <TabsContent value="timeline">
          <TaskTimeline
            taskId={task.id}
            entries={timeline}
            canReview={permissions.review && !task.archived}
          />
        </TabsContent>
        <TabsContent value="history">
          <HistoryList items={history.data?.items ?? []} />
        </TabsContent>
      </Tabs>
    </article>
  );
}
