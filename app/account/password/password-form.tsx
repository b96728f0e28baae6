"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { useTranslations } from "next-intl";
import { passwordIssue } from "@/lib/auth/password-policy";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useChangePassword } from "@/app/_queries/account";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { useHydrated } from "@/app/_components/use-hydrated";

/** The API's fields plus the repeat; the policy is the server's own (lib/auth/password-policy). */
const schemaFor = (username: string) =>
  z
    .object({
      currentPassword: z.string().min(1, { error: "validation.required" }),
      newPassword: z.string().min(1, { error: "validation.required" }),
      repeatPassword: z.string().min(1, { error: "validation.required" }),
    })
    .superRefine((values, ctx) => {
      const issue =
        passwordIssue(values.newPassword, username) ??
        (values.newPassword === values.currentPassword ? "validation.passwordUnchanged" : null);
      if (values.newPassword && issue) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: issue });
      } else if (values.repeatPassword && values.repeatPassword !== values.newPassword) {
        ctx.addIssue({
          code: "custom",
          path: ["repeatPassword"],
          message: "validation.passwordMismatch",
        });
      }
    });
type Values = z.infer<ReturnType<typeof schemaFor>>;

const FIELDS = ["currentPassword", "newPassword", "repeatPassword"] as const;

/**
 * Current password, new password, repeat: errors beside each field in the user's language, the
 * same policy as the server's. Once saved, off to "/" (each role's landing page), freshly rendered.
 */
export function PasswordForm({ username, forced }: { username: string; forced: boolean }) {
  const t = useTranslations("account");
  const hydrated = useHydrated();
  const change = useChangePassword();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => schemaFor(username), [username]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: "", newPassword: "", repeatPassword: "" },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      setSaved(true);
      // "/" renders afresh on the server, now without the forced change, and routes each role.
      router.replace("/");
      router.refresh();
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => (FIELDS as readonly string[]).includes(name),
          (name, message) => form.setError(name as Path<Values>, { message }),
          t("failed"),
        ),
      );
    }
  });

  const pending = isSubmitting || saved;
  const field = (name: (typeof FIELDS)[number], autoComplete: string) => ({
    type: "password",
    autoComplete,
    ...fieldA11y(name, errors[name]?.message),
    ...register(name),
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("title")}
      className="flex flex-col gap-4"
      data-testid="password-form"
    >
      {formError && (
        <Alert variant="destructive" role="alert">
          {formError}
        </Alert>
      )}
      <FormField
        id="currentPassword"
        label={forced ? t("currentPasswordTemporary") : t("currentPassword")}
        error={errors.currentPassword?.message}
      >
        <Input autoFocus {...field("currentPassword", "current-password")} />
      </FormField>
      <FormField id="newPassword" label={t("newPassword")} error={errors.newPassword?.message}>
        <Input {...field("newPassword", "new-password")} />
      </FormField>
      <FormField
        id="repeatPassword"
        label={t("repeatPassword")}
        error={errors.repeatPassword?.message}
      >
        <Input {...field("repeatPassword", "new-password")} />
      </FormField>
      <Button type="submit" disabled={!hydrated || pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
      <p role="status" className="text-sm font-medium" data-testid="password-saved">
        {saved ? t("saved") : ""}
      </p>
    </form>
  );
}
