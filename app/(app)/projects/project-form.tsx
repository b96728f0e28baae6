"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { useTranslations } from "next-intl";
import type { Project } from "@/lib/projects/queries";
import { projectCreateSchema } from "@/lib/projects/schemas";
import type { LeaderOption } from "@/lib/users/queries";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useCreateProject, useUpdateProject } from "@/app/_queries/projects";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";
import { HydratedFieldset } from "@/app/_components/hydrated-fieldset";
import { useHydrated } from "@/app/_components/use-hydrated";

/** The API's fields, with the lead leader as a <select> value ("" for none). */
const formSchema = projectCreateSchema
  .pick({ title: true, description: true })
  .extend({ leadLeaderId: z.string() });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const FIELDS = ["title", "description", "leadLeaderId"] as const;

const valuesOf = (project?: Pick<Project, "title" | "description" | "leadLeaderId">) => ({
  title: project?.title ?? "",
  description: project?.description ?? "",
  leadLeaderId: project?.leadLeaderId ? String(project.leadLeaderId) : "",
});

const toBody = (values: FormOutput) => ({
  title: values.title,
  description: values.description,
  leadLeaderId: values.leadLeaderId ? Number(values.leadLeaderId) : null,
});

/**
 * Creates a project (no `project`) or edits one. A stale edit (409) says who changed it and offers
 * to load the current values; nothing is overwritten silently.
 */
export function ProjectForm({ leaders, project }: { leaders: LeaderOption[]; project?: Project }) {
  const t = useTranslations("projectForm");
  const hydrated = useHydrated();
  const router = useRouter();
  const createProject = useCreateProject();
  const updateProject = useUpdateProject();
  const [version, setVersion] = useState(project?.version);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: valuesOf(project),
  });

  // A lead leader who is no longer active stays selectable until changed.
  const options =
    project?.leadLeaderId && !leaders.some((l) => l.id === project.leadLeaderId)
      ? [
          ...leaders,
          {
            id: project.leadLeaderId,
            name: project.leadLeaderName ?? `#${project.leadLeaderId}`,
            title: null,
          },
        ]
      : leaders;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      if (!project) {
        await createProject.mutateAsync(toBody(values));
        router.push("/plan");
        return;
      }
      const updated = await updateProject.mutateAsync({
        id: project.id,
        version: version ?? project.version,
        ...toBody(values),
      });
      setVersion(updated.version);
      reset(valuesOf(updated));
      setSaved(true);
      router.refresh();
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => (FIELDS as readonly string[]).includes(name),
          (name, message) => setError(name as (typeof FIELDS)[number], { message }),
          t("failed"),
        ),
      );
    }
  });

  const loadCurrent = () => {
    const current = updateProject.conflict?.current as Project | undefined;
    if (current) {
      setVersion(current.version);
      reset(valuesOf(current));
    }
    updateProject.reset();
    setSaved(false);
    router.refresh();
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={project ? t("editTitle") : t("createTitle")}
      className="flex flex-col gap-4"
    >
      <HydratedFieldset>
        {project && <ConflictAlert error={updateProject.error} onReload={loadCurrent} />}
        {formError && (
          <Alert variant="destructive" role="alert">
            {formError}
          </Alert>
        )}
        <FormField
          id="title"
          label={t("title")}
          error={errors.title?.message}
          hint={t("titleHint")}
        >
          <Input {...fieldA11y("title", errors.title?.message)} {...register("title")} />
        </FormField>
        <FormField id="description" label={t("description")} error={errors.description?.message}>
          <Textarea
            rows={4}
            {...fieldA11y("description", errors.description?.message)}
            {...register("description")}
          />
        </FormField>
        <FormField id="leadLeaderId" label={t("leadLeader")} error={errors.leadLeaderId?.message}>
          <NativeSelect
            {...fieldA11y("leadLeaderId", errors.leadLeaderId?.message)}
            {...register("leadLeaderId")}
          >
            <option value="">{t("noLeadLeader")}</option>
            {options.map((leader) => (
              <option key={leader.id} value={String(leader.id)}>
                {leader.title ? `${leader.name}（${leader.title}）` : leader.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!hydrated || isSubmitting}>
            {isSubmitting ? t("submitting") : t("submit")}
          </Button>
          <Button asChild variant="outline">
            <Link href="/plan">{project ? t("back") : t("cancel")}</Link>
          </Button>
          <p role="status" className="text-sm text-muted-foreground" data-testid="form-status">
            {saved ? t("saved") : ""}
          </p>
        </div>
      </HydratedFieldset>
    </form>
  );
}
