"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { ROLES, type Role } from "@/db/schema/users";
import { userCreateSchema } from "@/lib/users/schemas";
import { applyApiErrors } from "@/app/_queries/api-client";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { HydratedFieldset } from "@/app/_components/hydrated-fieldset";
import { useHydrated } from "@/app/_components/use-hydrated";

export interface UnitChoice {
  id: number;
  name: string;
  archived: boolean;
}

/** The API's fields, with the unit as a <select> value ("" for none chosen yet). */
const fieldsSchema = userCreateSchema.pick({ displayName: true, role: true }).extend({
  title: z.string().trim().max(50, { error: "validation.tooLong" }),
  unitId: z.string().min(1, { error: "validation.required" }),
});
const createSchema = fieldsSchema.extend({ username: userCreateSchema.shape.username });

type CreateInput = z.input<typeof createSchema>;
type CreateOutput = z.output<typeof createSchema>;

/** What the form hands over: the API's body (the username only when creating). */
export interface UserFormValues {
  username?: string;
  displayName: string;
  title: string | null;
  unitId: number;
  role: Role;
}

/**
 * A person's name, post, unit and role (and username when creating), checked with the API's own
 * rules; the server's refusals (a taken username, an archived unit) land on their fields.
 */
export function UserForm({
  mode,
  units,
  defaultValues,
  onSubmit,
  onCancel,
  label,
}: {
  mode: "create" | "edit";
  units: UnitChoice[];
  defaultValues?: Omit<UserFormValues, "username">;
  onSubmit: (values: UserFormValues) => Promise<void>;
  onCancel?: () => void;
  label: string;
}) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("roles");
  const hydrated = useHydrated();
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const [formError, setFormError] = useState<string | null>(null);
  const schema = mode === "create" ? createSchema : fieldsSchema.extend({ username: z.string() });
  const empty: CreateInput = {
    username: "",
    displayName: defaultValues?.displayName ?? "",
    title: defaultValues?.title ?? "",
    unitId: defaultValues ? String(defaultValues.unitId) : "",
    role: defaultValues?.role ?? "cadre",
  };
  const form = useForm<CreateInput, unknown, CreateOutput>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit({
        ...(mode === "create" ? { username: values.username } : {}),
        displayName: values.displayName,
        title: values.title || null,
        unitId: Number(values.unitId),
        role: values.role,
      });
      if (mode === "create") form.reset(empty);
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => name in createSchema.shape,
          (name, message) => form.setError(name as Path<CreateInput>, { message }),
          t("failed"),
        ),
      );
    }
  });

  // An archived unit is no choice, unless it is the person's unit now (it stays visible).
  const choices = units.filter(
    (unit) => !unit.archived || (mode === "edit" && unit.id === defaultValues?.unitId),
  );
  const field = (name: keyof CreateInput, hint = false) =>
    fieldA11y(id(name), errors[name]?.message, hint);

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={label}
      data-testid={`user-${mode}-form`}
      className="flex flex-col gap-4"
    >
      <HydratedFieldset>
        {formError && (
          <Alert variant="destructive" role="alert">
            {formError}
          </Alert>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {mode === "create" && (
            <FormField
              id={id("username")}
              label={t("username")}
              hint={t("usernameHint")}
              error={errors.username?.message}
            >
              <Input
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={32}
                {...field("username", true)}
                {...register("username")}
              />
            </FormField>
          )}
          <FormField
            id={id("displayName")}
            label={t("displayName")}
            error={errors.displayName?.message}
          >
            <Input
              autoComplete="off"
              maxLength={50}
              {...field("displayName")}
              {...register("displayName")}
            />
          </FormField>
          <FormField
            id={id("title")}
            label={t("postTitle")}
            hint={t("postTitleHint")}
            error={errors.title?.message}
          >
            <Input
              autoComplete="off"
              maxLength={50}
              {...field("title", true)}
              {...register("title")}
            />
          </FormField>
          <FormField id={id("unitId")} label={t("unit")} error={errors.unitId?.message}>
            <NativeSelect {...field("unitId")} {...register("unitId")}>
              <option value="">{t("chooseUnit")}</option>
              {choices.map((unit) => (
                <option key={unit.id} value={String(unit.id)}>
                  {unit.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id={id("role")} label={t("role")} error={errors.role?.message}>
            <NativeSelect {...field("role")} {...register("role")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!hydrated || isSubmitting}>
            {isSubmitting
              ? mode === "create"
                ? t("creating")
                : t("saving")
              : mode === "create"
                ? t("create")
                : t("save")}
          </Button>
          {onCancel && (
            <Button type="button" variant="ghost" onClick={onCancel}>
              {t("cancel")}
            </Button>
          )}
        </div>
      </HydratedFieldset>
    </form>
  );
}
