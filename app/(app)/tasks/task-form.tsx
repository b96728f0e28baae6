"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { TaskDetail } from "@/lib/tasks/queries";
import { taskCreateSchema } from "@/lib/tasks/schemas";
import { applyApiErrors, conflictInfo } from "@/app/_queries/api-client";
import { useCreateTask, useUpdateTask } from "@/app/_queries/tasks";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";
import { HydratedFieldset } from "@/app/_components/hydrated-fieldset";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { TaskFormOptions } from "./task-form-options";

type Input = z.input<typeof taskCreateSchema>;
type Output = z.output<typeof taskCreateSchema>;

const blankIndicator = {
  name: "",
  unit: "",
  baseline: 0,
  target: 1,
  direction: "increase" as const,
  decimals: 0,
  weight: 1,
};

function valuesOf(task: TaskDetail): Input {
  return {
    projectId: task.projectId,
    title: task.title,
    description: task.description,
    ownerId: task.ownerId,
    leadUnitId: task.leadUnitId,
    coUnitIds: task.coUnitIds,
    startDate: task.startDate,
    dueDate: task.dueDate,
    weight: task.weight,
    indicators: [],
  };
}

/** People grouped under their unit, units in the office's order, for the owner picker. */
function peopleByUnit(people: TaskFormOptions["people"]) {
  const groups = new Map<string, TaskFormOptions["people"]>();
  for (const person of people)
    groups.set(person.unitName, [...(groups.get(person.unitName) ?? []), person]);
  return [...groups];
}

/** Reads a nested field error ("indicators.0.target") from react-hook-form's error tree. */
function errorAt(errors: FieldErrors<Input>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { message?: string } | undefined)?.message;
}

/**
 * Creates a task (with indicators) or edits one. Checked in the browser with the API's own schema,
 * then by the server; a save over someone else's newer change is refused and says who made it.
 */
export function TaskForm({
  options,
  task,
  initial,
}: {
  options: TaskFormOptions;
  task?: TaskDetail;
  initial?: Partial<Input>;
}) {
  const t = useTranslations("taskForm");
  const tTask = useTranslations("task");
  const router = useRouter();
  const create = useCreateTask();
  const update = useUpdateTask(task?.id ?? 0);
  const [version, setVersion] = useState(task?.version ?? 0);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(taskCreateSchema),
    defaultValues: task
      ? valuesOf(task)
      : { title: "", description: "", coUnitIds: [], weight: 1, indicators: [], ...initial },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;
  const indicators = useFieldArray({ control: form.control, name: "indicators" });
  const coUnitIds = useWatch({ control: form.control, name: "coUnitIds" }) ?? [];
  const mutation = task ? update : create;
  const hydrated = useHydrated();

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (task) {
        const { indicators: _none, ...fields } = values;
        void _none;
        const saved = await update.mutateAsync({ version, ...fields });
        router.push(`/tasks/${saved.id}`);
      } else {
        const saved = await create.mutateAsync(values);
        router.push(`/tasks/${saved.id}`);
      }
      router.refresh();
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => name !== "_",
          (name, message) => form.setError(name as Path<Input>, { message }),
          t("failed"),
        ),
      );
    }
  });

  const reloadLatest = () => {
    const current = conflictInfo(mutation.error)?.current as TaskDetail | undefined;
    if (current) {
      form.reset(valuesOf(current));
      setVersion(current.version);
    }
    mutation.reset();
  };

  const err = (path: string) => errorAt(errors, path);
  const idField = (name: Path<Input>) =>
    register(name, { setValueAs: (v) => (v === "" ? undefined : Number(v)) });
  const numberField = (name: Path<Input>) => register(name, { valueAsNumber: true });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={task ? t("editTitle") : t("createTitle")}
      className="flex flex-col gap-4"
      data-testid="task-form"
    >
      <HydratedFieldset>
        <ConflictAlert error={mutation.error} onReload={reloadLatest} />
        {(formError || errors.root?.message) && (
          <Alert variant="destructive">{formError ?? errors.root?.message}</Alert>
        )}

        <FormField id="projectId" label={t("project")} error={err("projectId")}>
          <NativeSelect {...fieldA11y("projectId", err("projectId"))} {...idField("projectId")}>
            <option value="">{t("choose")}</option>
            {options.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>

        <FormField id="title" label={t("title")} error={err("title")}>
          <Input {...fieldA11y("title", err("title"))} maxLength={200} {...register("title")} />
        </FormField>

        <FormField id="description" label={t("description")} error={err("description")}>
          <Textarea
            {...fieldA11y("description", err("description"))}
            rows={4}
            maxLength={5000}
            {...register("description")}
          />
        </FormField>

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="leadUnitId" label={t("leadUnit")} error={err("leadUnitId")}>
            <NativeSelect
              {...fieldA11y("leadUnitId", err("leadUnitId"))}
              {...idField("leadUnitId")}
            >
              <option value="">{t("choose")}</option>
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                  {u.inactive && t("inactive")}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="ownerId" label={t("owner")} error={err("ownerId")}>
            <NativeSelect {...fieldA11y("ownerId", err("ownerId"))} {...idField("ownerId")}>
              <option value="">{t("choose")}</option>
              {peopleByUnit(options.people).map(([unitName, people]) => (
                <optgroup key={unitName} label={unitName}>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                      {p.inactive && t("inactive")}
                    </option>
                  ))}
                </optgroup>
              ))}
            </NativeSelect>
          </FormField>
        </div>

        <fieldset className="flex flex-col gap-1.5">
          <legend className="text-sm font-medium">{t("coUnits")}</legend>
          <p className="text-xs text-muted-foreground">{t("coUnitsHint")}</p>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            {options.units.map((u) => (
              <label key={u.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="coUnitIds"
                  value={u.id}
                  className="size-4 accent-primary"
                  checked={coUnitIds.includes(u.id)}
                  onChange={(e) =>
                    form.setValue(
                      "coUnitIds",
                      e.target.checked
                        ? [...coUnitIds, u.id]
                        : coUnitIds.filter((id) => id !== u.id),
                      { shouldDirty: true },
                    )
                  }
                />
                {u.name}
                {u.inactive && t("inactive")}
              </label>
            ))}
          </div>
          {err("coUnitIds") && <p className="text-sm text-destructive">{err("coUnitIds")}</p>}
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-3">
          <FormField id="startDate" label={t("startDate")} error={err("startDate")}>
            <Input
              type="date"
              {...fieldA11y("startDate", err("startDate"))}
              {...register("startDate")}
            />
          </FormField>
          <FormField id="dueDate" label={t("dueDate")} error={err("dueDate")}>
            <Input type="date" {...fieldA11y("dueDate", err("dueDate"))} {...register("dueDate")} />
          </FormField>
          <FormField id="weight" label={t("weight")} error={err("weight")} hint={t("weightHint")}>
            <Input
              type="number"
              step="any"
              min={0}
              {...fieldA11y("weight", err("weight"))}
              {...numberField("weight")}
            />
          </FormField>
        </div>

        {!task && (
          <fieldset className="flex flex-col gap-3" data-testid="new-indicators">
            <legend className="text-sm font-medium">{tTask("indicators")}</legend>
            {indicators.fields.map((field, index) => {
              const at = (name: string) => `indicators.${index}.${name}`;
              return (
                <div
                  key={field.id}
                  className="grid gap-3 rounded-lg border p-3 sm:grid-cols-4"
                  data-testid="new-indicator"
                >
                  <div className="sm:col-span-2">
                    <FormField id={at("name")} label={t("indicatorName")} error={err(at("name"))}>
                      <Input
                        {...fieldA11y(at("name"), err(at("name")))}
                        maxLength={100}
                        {...register(at("name") as Path<Input>)}
                      />
                    </FormField>
                  </div>
                  <FormField id={at("unit")} label={t("indicatorUnit")} error={err(at("unit"))}>
                    <Input
                      {...fieldA11y(at("unit"), err(at("unit")))}
                      maxLength={20}
                      {...register(at("unit") as Path<Input>)}
                    />
                  </FormField>
                  <FormField
                    id={at("direction")}
                    label={t("direction")}
                    error={err(at("direction"))}
                  >
                    <NativeSelect
                      {...fieldA11y(at("direction"), err(at("direction")))}
                      {...register(at("direction") as Path<Input>)}
                    >
                      <option value="increase">{tTask("direction.increase")}</option>
                      <option value="decrease">{tTask("direction.decrease")}</option>
                    </NativeSelect>
                  </FormField>
                  <FormField id={at("baseline")} label={t("baseline")} error={err(at("baseline"))}>
                    <Input
                      type="number"
                      step="any"
                      {...fieldA11y(at("baseline"), err(at("baseline")))}
                      {...numberField(at("baseline") as Path<Input>)}
                    />
                  </FormField>
                  <FormField id={at("target")} label={t("target")} error={err(at("target"))}>
                    <Input
                      type="number"
                      step="any"
                      {...fieldA11y(at("target"), err(at("target")))}
                      {...numberField(at("target") as Path<Input>)}
                    />
                  </FormField>
                  <FormField id={at("decimals")} label={t("decimals")} error={err(at("decimals"))}>
                    <Input
                      type="number"
                      min={0}
                      max={4}
                      step={1}
                      {...fieldA11y(at("decimals"), err(at("decimals")))}
                      {...numberField(at("decimals") as Path<Input>)}
                    />
                  </FormField>
                  <div className="flex items-end">
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      onClick={() => indicators.remove(index)}
                    >
                      {t("removeIndicator")}
                    </Button>
                  </div>
                </div>
              );
            })}
            <div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => indicators.append(blankIndicator)}
              >
                {t("addIndicator")}
              </Button>
            </div>
          </fieldset>
        )}

        <div className="flex gap-2">
          <Button type="submit" disabled={!hydrated || isSubmitting}>
            {isSubmitting ? t("submitting") : t("submit")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => router.back()}>
            {t("cancel")}
          </Button>
        </div>
      </HydratedFieldset>
    </form>
  );
}
