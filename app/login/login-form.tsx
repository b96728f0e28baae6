"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { signIn } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { useHydrated } from "@/app/_components/use-hydrated";

const schema = z.object({
  username: z.string().trim().min(1, "usernameRequired"),
  password: z.string().min(1, "passwordRequired"),
});
type Values = z.infer<typeof schema>;

/** A lock, as lib/auth/options.ts names it in the sign-in error: `locked-<scope>-<until ms>`. */
function parseLock(error: string | null | undefined) {
  const match = /^locked-(account|address)-(\d+)$/.exec(error ?? "");
  return match
    ? { scope: match[1] as "account" | "address", until: new Date(Number(match[2])) }
    : null;
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const format = useFormatter();
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { username: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await signIn("credentials", { ...values, redirect: false, callbackUrl });
      if (!result || result.error) {
        // Only next-auth's own verdict means wrong credentials; a lock says until when (the same
        // for a name that does not exist); anything else is our failure.
        const lock = parseLock(result?.error);
        if (lock) {
          const until = format.dateTime(lock.until, {
            month: "numeric",
            day: "numeric",
            hour: "2-digit",
            minute: "2-digit",
          });
          setFormError(t(lock.scope === "account" ? "lockedAccount" : "lockedAddress", { until }));
          return;
        }
        setFormError(result?.error === "CredentialsSignin" ? t("invalidCredentials") : t("failed"));
        return;
      }
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackUrl);
    } catch {
      setFormError(t("failed"));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="flex flex-col gap-4">
      {formError && (
        <Alert variant="destructive" role="alert">
          {formError}
        </Alert>
      )}
      <div className="flex flex-col gap-2">
        <Label htmlFor="username">{t("username")}</Label>
        <Input
          id="username"
          autoComplete="username"
          autoCapitalize="none"
          autoFocus
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "username-error" : undefined}
          {...register("username")}
        />
        {errors.username?.message && (
          <p id="username-error" className="text-sm text-destructive">
            {t(errors.username.message as "usernameRequired")}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
        {errors.password?.message && (
          <p id="password-error" className="text-sm text-destructive">
            {t(errors.password.message as "passwordRequired")}
          </p>
        )}
      </div>
      <Button type="submit" disabled={!hydrated || isSubmitting} className="mt-2 w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
