"use client";

import { useHydrated } from "@/app/_components/use-hydrated";
import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp } from "lucide-react";
import type { PlanOutlineProject, PlanOutlineTask } from "@/lib/projects/plan-outline";
import { ApiError, conflictInfo } from "@/app/_queries/api-client";
import { useUpdateProject } from "@/app/_queries/projects";
import { useUpdateTask } from "@/app/_queries/tasks";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { StatusBadge } from "@/app/_components/status-badge";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/app/_components/ui/card";

/** A 409 is kept as the error itself (ConflictAlert reads who and when from it). */
type Problem = { kind: "conflict"; error: unknown } | { kind: "error"; message: string };

/** Runs one change at a time, then re-renders the page from the server. */
type Run = (action: () => Promise<unknown>, done?: string) => void;

/**
 * The plan editor's client side: every button sends one PATCH with the version it was rendered
 * with, then the page is rendered again from the server (router.refresh), so the next change
 * always starts from the current positions and versions. A 409 shows who changed what first.
 */
export function PlanEditor({ projects }: { projects: PlanOutlineProject[] }) {
  const t = useTranslations("plan");
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const updateProject = useUpdateProject();
  const busy = running || refreshing;
  // Until hydrated a click would do nothing: the buttons wait, disabled.
  const hydrated = useHydrated();
  const problemRef = useRef<HTMLDivElement>(null);
  // The button pressed may be far down the page: bring the message into view.
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [problem]);

  const run: Run = async (action, done) => {
    setProblem(null);
    setNotice(null);
    setRunning(true);
    try {
      await action();
      setNotice(done ?? null);
    } catch (error) {
      setProblem(
        conflictInfo(error)
          ? { kind: "conflict", error }
          : {
              kind: "error",
              message:
                error instanceof ApiError && error.status < 500 ? error.message : t("failed"),
            },
      );
    } finally {
      setRunning(false);
      startRefresh(() => router.refresh());
    }
  };

  return (
    <div className="flex flex-col gap-4" aria-busy={busy || !hydrated}>
      <div ref={problemRef} className="empty:hidden">
        {problem?.kind === "conflict" && (
          <ConflictAlert
            error={problem.error}
            onReload={() => {
              setProblem(null);
              startRefresh(() => router.refresh());
            }}
          />
        )}
        {problem?.kind === "error" && (
          <Alert variant="destructive" role="alert">
            {problem.message}
          </Alert>
        )}
      </div>
      <p
        role="status"
        data-testid="plan-notice"
        className={busy || notice ? "text-sm text-muted-foreground" : "sr-only"}
      >
        {busy ? t("saving") : notice}
      </p>

      {projects.length === 0 ? (
        <Alert>{t("noProjects")}</Alert>
      ) : (
        projects.map((project, index) => (
          <ProjectBlock
            key={project.id}
            project={project}
            index={index}
            count={projects.length}
            busy={busy || !hydrated}
            run={run}
            move={(to) =>
              updateProject.mutateAsync({ id: project.id, version: project.version, position: to })
            }
            archive={() =>
              updateProject.mutateAsync({
                id: project.id,
                version: project.version,
                archived: true,
              })
            }
          />
        ))
      )}
    </div>
  );
}

function ProjectBlock({
  project,
  index,
  count,
  busy,
  run,
  move,
  archive,
}: {
  project: PlanOutlineProject;
  index: number;
  count: number;
  busy: boolean;
  run: Run;
  move: (to: number) => Promise<unknown>;
  archive: () => Promise<unknown>;
}) {
  const t = useTranslations("plan");
  const headingId = `plan-project-${project.id}`;
  const named = { title: project.title };
  return (
    <Card role="region" aria-labelledby={headingId} data-testid="plan-project">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm tabular-nums text-muted-foreground">{index + 1}.</span>
          <CardTitle id={headingId} className="min-w-0 break-words">
            {project.title}
          </CardTitle>
          <Badge variant="secondary">{t("taskCount", { count: project.tasks.length })}</Badge>
        </div>
        <CardDescription>
          {project.leadLeaderName
            ? t("leadLeader", { name: project.leadLeaderName })
            : t("noLeadLeader")}
        </CardDescription>
        <div className="flex flex-wrap items-center gap-2" data-testid="project-actions">
          {/* Positions count among live projects from 1; see lib/plans/ordering.ts. */}
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={busy || index === 0}
            aria-label={t("moveUpNamed", named)}
            onClick={() => run(() => move(index), t("moved"))}
          >
            <ArrowUp aria-hidden />
            {t("moveUp")}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={busy || index === count - 1}
            aria-label={t("moveDownNamed", named)}
            onClick={() => run(() => move(index + 2), t("moved"))}
          >
            <ArrowDown aria-hidden />
            {t("moveDown")}
          </Button>
          <Button asChild size="sm" variant="outline">
            <Link href={`/projects/${project.id}/edit`} aria-label={t("editNamed", named)}>
              {t("edit")}
            </Link>
          </Button>
          <ConfirmButton
            question={t("confirmArchiveProject")}
            confirmLabel={t("confirmArchive")}
            label={t("archiveNamed", named)}
            disabled={busy}
            onConfirm={() => run(archive, t("projectArchived", named))}
          >
            {t("archive")}
          </ConfirmButton>
          <Button asChild size="sm">
            <Link href={`/tasks/new?projectId=${project.id}`}>{t("newTask")}</Link>
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        {project.tasks.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noTasks")}</p>
        ) : (
          <ol aria-label={t("tasksOf", named)} className="flex flex-col">
            {project.tasks.map((task, taskIndex) => (
              <TaskRow
                key={task.id}
                task={task}
                index={taskIndex}
                count={project.tasks.length}
                busy={busy}
                run={run}
              />
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function TaskRow({
  task,
  index,
  count,
  busy,
  run,
}: {
  task: PlanOutlineTask;
  index: number;
  count: number;
  busy: boolean;
  run: Run;
}) {
  const t = useTranslations("plan");
  const updateTask = useUpdateTask(task.id);
  const named = { title: task.title };
  const move = (to: number) => updateTask.mutateAsync({ version: task.version, position: to });
  return (
    <li
      className="flex flex-col gap-2 border-b py-3 last:border-0 sm:flex-row sm:items-center sm:gap-3"
      data-testid="plan-task"
    >
      <div className="flex min-w-0 flex-1 items-start gap-2">
        <span className="w-6 shrink-0 text-sm tabular-nums text-muted-foreground">{index + 1}</span>
        <div className="min-w-0 flex-1">
          <Link
            href={`/tasks/${task.id}`}
            className="break-words text-sm font-medium hover:text-primary hover:underline"
          >
            {task.title}
          </Link>
          <p className="text-xs text-muted-foreground">
            {task.leadUnitName} · {task.ownerName} · {task.dueDate}
          </p>
        </div>
        <StatusBadge status={task.status} />
      </div>
      <div className="ml-8 flex flex-wrap items-center gap-2 sm:ml-0">
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={busy || index === 0}
          aria-label={t("moveUpNamed", named)}
          onClick={() => run(() => move(index), t("moved"))}
        >
          <ArrowUp aria-hidden />
          <span className="sm:sr-only">{t("moveUp")}</span>
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={busy || index === count - 1}
          aria-label={t("moveDownNamed", named)}
          onClick={() => run(() => move(index + 2), t("moved"))}
        >
          <ArrowDown aria-hidden />
          <span className="sm:sr-only">{t("moveDown")}</span>
        </Button>
        <ConfirmButton
          question={t("confirmArchiveTask")}
          confirmLabel={t("confirmArchive")}
          label={t("archiveNamed", named)}
          disabled={busy}
          variant="ghost"
          onConfirm={() =>
            run(
              () => updateTask.mutateAsync({ version: task.version, archived: true }),
              t("taskArchived", named),
            )
          }
        >
          {t("archive")}
        </ConfirmButton>
      </div>
    </li>
  );
}
