"use client";

import { useTranslations } from "next-intl";
import type { DraftProject } from "@/lib/imports/draft";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useEditor } from "./editor-context";
import { TaskRow } from "./task-row";

/** One theme (工作板块) of the preview: its title, lead leader and tasks. */
export function ThemeCard({ project, index }: { project: DraftProject; index: number }) {
  const t = useTranslations("planImport");
  const { act, errors, options } = useEditor();
  const id = (field: string) => `${project.key}-${field}`;
  const err = (field: string) => errors[`${project.key}.${field}`];
  const headingId = id("heading");
  return (
    <Card role="region" aria-labelledby={headingId} data-testid="import-theme">
      <CardHeader className="gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={headingId} className="text-base font-semibold">
            {t("themeHeading", { n: index + 1 })}
          </h3>
          <div className="flex items-center gap-2">
            <Badge variant="secondary">{t("taskCount", { count: project.tasks.length })}</Badge>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="text-destructive"
              onClick={() => act({ type: "dropProject", project: project.key })}
            >
              {t("dropTheme")}
            </Button>
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <FormField id={id("title")} label={t("themeTitle")} error={err("title")}>
            <Input
              {...fieldA11y(id("title"), err("title"))}
              maxLength={100}
              value={project.title}
              data-testid="theme-title"
              onChange={(e) =>
                act({ type: "project", project: project.key, patch: { title: e.target.value } }, [
                  `${project.key}.title`,
                ])
              }
            />
          </FormField>
          <FormField id={id("leader")} label={t("leadLeader")} error={err("leadLeaderId")}>
            <NativeSelect
              {...fieldA11y(id("leader"), err("leadLeaderId"))}
              value={project.leadLeaderId ?? ""}
              onChange={(e) =>
                act(
                  {
                    type: "project",
                    project: project.key,
                    patch: { leadLeaderId: e.target.value ? Number(e.target.value) : null },
                  },
                  [`${project.key}.leadLeaderId`],
                )
              }
            >
              <option value="">{t("noLeader")}</option>
              {options.leaders.map((leader) => (
                <option key={leader.id} value={leader.id}>
                  {leader.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </div>
        {err("tasks") && <p className="text-sm text-destructive">{err("tasks")}</p>}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {project.tasks.length === 0 && (
          <p className="text-sm text-muted-foreground">{t("noTasks")}</p>
        )}
        {project.tasks.map((task, i) => (
          <TaskRow key={task.key} projectKey={project.key} task={task} index={i} />
        ))}
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => act({ type: "addTask", project: project.key })}
          >
            {t("addTask")}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
