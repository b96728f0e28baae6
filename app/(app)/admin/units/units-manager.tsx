"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { UNIT_TYPES } from "@/db/schema/units";
import type { AdminUnit } from "@/lib/units/admin";
import { unitCreateSchema } from "@/lib/units/schemas";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useAdminUnits, useCreateUnit, useUpdateUnit, type UnitList } from "@/app/_queries/admin";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useHydrated } from "@/app/_components/use-hydrated";
import { UnitTypeBadge } from "../unit-type-badge";

type FormInput = z.input<typeof unitCreateSchema>;
type FormOutput = z.output<typeof unitCreateSchema>;

/** A unit's name and type, checked with the API's own schema; the server's refusals land on the fields. */
function UnitFields({
  idPrefix,
  defaultValues,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
  testId,
  label,
}: {
  idPrefix: string;
  defaultValues: FormInput;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: FormOutput) => Promise<void>;
  onCancel?: () => void;
  testId: string;
  label: string;
}) {
  const t = useTranslations("adminUnits");
  const tTypes = useTranslations("unitTypes");
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(unitCreateSchema),
    defaultValues,
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;
  const nameId = `${idPrefix}-name`;
  const typeId = `${idPrefix}-type`;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
      form.reset(onCancel ? values : defaultValues);
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => name in unitCreateSchema.shape,
          (name, message) => form.setError(name as Path<FormInput>, { message }),
          t("failed"),
        ),
      );
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={label}
      data-testid={testId}
      className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start"
    >
      {formError && (
        <Alert variant="destructive" role="alert" className="w-full">
          {formError}
        </Alert>
      )}
      <div className="min-w-0 sm:w-64">
        <FormField id={nameId} label={t("name")} error={errors.name?.message}>
          <Input
            maxLength={50}
            autoComplete="off"
            {...fieldA11y(nameId, errors.name?.message)}
            {...register("name")}
          />
        </FormField>
      </div>
      <div className="sm:w-40">
        <FormField id={typeId} label={t("type")} error={errors.type?.message}>
          <NativeSelect {...fieldA11y(typeId, errors.type?.message)} {...register("type")}>
            {UNIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {tTypes(type)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:mt-7">
        <Button
          type="submit"
          size={onCancel ? "sm" : "default"}
          disabled={!hydrated || isSubmitting}
        >
          {isSubmitting ? pendingLabel : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}

/** 单位管理: the list with counts, a create form, inline edit, archive (with a warning) and restore. */
export function UnitsManager({ initialData }: { initialData: UnitList }) {
  const t = useTranslations("adminUnits");
  const formId = useId();
  const units = useAdminUnits(initialData);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const hydrated = useHydrated();
  const [showArchived, setShowArchived] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  const [actionError, setActionError] = useState<string | null>(null);

  const items = (units.data?.items ?? []).filter((unit) => showArchived || !unit.archived);
  const liveCount = (units.data?.items ?? []).filter((unit) => !unit.archived).length;

  const onCreate = async (values: FormOutput) => {
    setStatus("");
    const unit = await create.mutateAsync(values);
    setStatus(t("created", { name: unit.name }));
  };

  const onRename = (unit: AdminUnit) => async (values: FormOutput) => {
    setStatus("");
    const next = await update.mutateAsync({ id: unit.id, ...values });
    setEditingId(null);
    setStatus(t("saved", { name: next.name }));
  };

  const setArchived = async (unit: AdminUnit, archived: boolean) => {
    setStatus("");
    setActionError(null);
    try {
      const next = await update.mutateAsync({ id: unit.id, archived });
      if (!archived) setStatus(t("restored", { name: next.name }));
      else if (next.warnings) {
        setStatus(
          t("archivedWithWarnings", {
            name: next.name,
            members: next.warnings.activeMembers,
            tasks: next.warnings.openLedTasks,
          }),
        );
      } else setStatus(t("archived", { name: next.name }));
    } catch (error) {
      setActionError(
        applyApiErrors(
          error,
          () => false,
          () => {},
          t("failed"),
        ),
      );
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("createTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <UnitFields
            idPrefix={`${formId}-new`}
            defaultValues={{ name: "", type: "department" }}
            submitLabel={t("create")}
            pendingLabel={t("creating")}
            onSubmit={onCreate}
            testId="unit-create-form"
            label={t("createTitle")}
          />
        </CardContent>
      </Card>

      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <span className="text-muted-foreground">{t("count", { count: liveCount })}</span>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
              data-testid="show-archived-units"
            />
            {t("showArchived")}
          </label>
        </div>
        <p role="status" className="text-sm font-medium" data-testid="unit-status">
          {status}
        </p>
        {actionError && (
          <Alert variant="destructive" role="alert">
            {actionError}
          </Alert>
        )}
        <div className="rounded-lg border bg-card">
          <table className="w-full text-sm" data-testid="unit-table">
            <thead className="hidden border-b text-left text-muted-foreground md:table-header-group">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("columns.name")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("columns.type")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.members")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.ledTasks")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("columns.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((unit) =>
                editingId === unit.id ? (
                  <tr
                    key={unit.id}
                    data-testid="unit-row"
                    className="block border-b last:border-0 md:table-row"
                  >
                    <td colSpan={5} className="block p-3 md:table-cell">
                      <UnitFields
                        idPrefix={`${formId}-${unit.id}`}
                        defaultValues={{ name: unit.name, type: unit.type }}
                        submitLabel={t("save")}
                        pendingLabel={t("saving")}
                        onSubmit={onRename(unit)}
                        onCancel={() => setEditingId(null)}
                        testId="unit-edit-form"
                        label={t("editNamed", { name: unit.name })}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr
                    key={unit.id}
                    data-testid="unit-row"
                    data-archived={unit.archived ? "true" : "false"}
                    className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 border-b p-3 last:border-0 md:table-row md:p-0"
                  >
                    <td className="col-span-2 md:px-3 md:py-2" data-column="name">
                      <span className="font-medium" data-testid="unit-name">
                        {unit.name}
                      </span>
                      {unit.archived && (
                        <Badge variant="outline" className="ml-2">
                          {t("archivedBadge")}
                        </Badge>
                      )}
                    </td>
                    <td className="md:px-3 md:py-2" data-column="type">
                      <UnitTypeBadge type={unit.type} />
                    </td>
                    <td
                      className="text-muted-foreground tabular-nums md:px-3 md:py-2 md:text-right md:text-foreground"
                      data-column="members"
                    >
                      <span className="whitespace-pre md:hidden">{t("membersLabel")}</span>
                      {unit.memberCount}
                    </td>
                    <td
                      className="col-span-2 text-muted-foreground tabular-nums md:col-span-1 md:px-3 md:py-2 md:text-right md:text-foreground"
                      data-column="ledTasks"
                    >
                      <span className="whitespace-pre md:hidden">{t("ledTasksLabel")}</span>
                      {unit.ledTaskCount}
                    </td>
                    <td className="col-span-2 md:px-3 md:py-2" data-column="actions">
                      <div className="flex flex-wrap items-center gap-2">
                        <Button
                          type="button"
                          size="sm"
                          variant="outline"
                          disabled={!hydrated || update.isPending}
                          aria-label={t("editNamed", { name: unit.name })}
                          onClick={() => {
                            setStatus("");
                            setEditingId(unit.id);
                          }}
                        >
                          {t("edit")}
                        </Button>
                        {unit.archived ? (
                          <Button
                            type="button"
                            size="sm"
                            variant="outline"
                            disabled={!hydrated || update.isPending}
                            aria-label={t("restoreNamed", { name: unit.name })}
                            onClick={() => setArchived(unit, false)}
                          >
                            {t("restore")}
                          </Button>
                        ) : (
                          <ConfirmButton
                            label={t("archiveNamed", { name: unit.name })}
                            confirmLabel={t("confirmArchive")}
                            disabled={!hydrated || update.isPending}
                            question={
                              <>
                                {t("archiveQuestion", { name: unit.name })}
                                {(unit.memberCount > 0 || unit.ledTaskCount > 0) && (
                                  <span className="block" data-testid="archive-warning">
                                    {t("archiveWarning", {
                                      members: unit.memberCount,
                                      tasks: unit.ledTaskCount,
                                    })}
                                  </span>
                                )}
                              </>
                            }
                            onConfirm={() => setArchived(unit, true)}
                          >
                            {t("archive")}
                          </ConfirmButton>
                        )}
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
          {items.length === 0 && (
            <p className="p-6 text-center text-sm text-muted-foreground">{t("empty")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
