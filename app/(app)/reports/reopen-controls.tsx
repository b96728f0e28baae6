"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { reopenSchema } from "@/lib/reports/schemas";
import { ApiError } from "@/app/_queries/api-client";
import { useReopenReport } from "@/app/_queries/reports";
import { fieldA11y, FormField } from "@/app/_components/form-field";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { useHydrated } from "@/app/_components/use-hydrated";
import { refusalText } from "./refusal-text";

const reasonSchema = reopenSchema.pick({ reason: true });
type Values = z.input<typeof reasonSchema>;

/**
 * 重新打开 (admins): a published month opens again for entries, with a reason that goes into the
 * audit log. Stays mounted after reopening (the banner goes), so its "已重新打开" can be read.
 */
export function ReopenControls({
  planId,
  month,
  published,
}: {
  planId: number;
  month: string;
  /** The month is published: the button shows. */
  published: boolean;
}) {
  const t = useTranslations("reports.reopen");
  const tc = useTranslations("common");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const reopen = useReopenReport();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(reasonSchema),
    defaultValues: { reason: "" },
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = form;
  const reasonId = `${id}-reason`;

  const onSubmit = handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await reopen.mutateAsync({ planId, month, reason });
      setOpen(false);
      reset();
      router.refresh();
    } catch (error) {
      // A reason the server refused goes beside the field; anything else (a later month still
      // published, a month not published) is said in the area's alert, in the API's words.
      if (error instanceof ApiError && error.fields.reason) {
        form.setError("reason", { message: error.fields.reason });
      } else {
        setFailure(refusalText(error, t("failed")));
      }
    }
  });

  return (
    <div className="flex flex-col items-start gap-2 print:hidden" data-testid="reopen-controls">
      {published && !open && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={!hydrated}
          onClick={() => {
            reopen.reset();
            setFailure(null);
            setOpen(true);
          }}
        >
          {t("button")}
        </Button>
      )}
      {published && open && (
        <form
          noValidate
          onSubmit={onSubmit}
          aria-label={t("label")}
          className="flex w-full max-w-xl flex-col gap-3 rounded-md border bg-card p-3"
        >
          <FormField
            id={reasonId}
            label={t("reason")}
            hint={t("reasonHint")}
            error={errors.reason?.message}
          >
            <Textarea
              rows={3}
              required
              autoFocus
              {...fieldA11y(reasonId, errors.reason?.message, true)}
              {...register("reason")}
            />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={reopen.isPending}>
              {reopen.isPending ? t("working") : t("confirm")}
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={reopen.isPending}
              onClick={() => {
                setOpen(false);
                setFailure(null);
                reset();
              }}
            >
              {tc("cancel")}
            </Button>
          </div>
        </form>
      )}
      <p role="status" className="text-sm font-medium text-primary">
        {reopen.isSuccess && !open ? t("done") : ""}
      </p>
      {failure && (
        <p role="alert" className="text-sm text-destructive">
          {failure}
        </p>
      )}
    </div>
  );
}
