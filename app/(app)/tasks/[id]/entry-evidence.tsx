"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TaskEntry } from "@/lib/entries/queries";
import { applyApiErrors, ApiError } from "@/app/_queries/api-client";
import { useAddAttachments, useRemoveAttachment } from "@/app/_queries/entries";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { AttachmentList } from "./attachment-list";
import { EvidencePicker } from "./evidence-picker";

/** The evidence of an entry being edited: remove a file, or add more (saved at once). */
export function EntryEvidence({ taskId, entry }: { taskId: number; entry: TaskEntry }) {
  const t = useTranslations("evidence");
  const router = useRouter();
  const add = useAddAttachments(taskId, entry.id);
  const remove = useRemoveAttachment(taskId);
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const fail = (caught: unknown) => {
    if (caught instanceof ApiError) setFileErrors(caught.fields);
    setError(
      applyApiErrors(
        caught,
        (f) => f.startsWith("files"),
        () => {},
        t("failed"),
      ),
    );
  };

  return (
    <Card>
      <CardContent className="flex flex-col gap-3 pt-4">
        <h2 className="font-medium">{t("label")}</h2>
        <AttachmentList
          attachments={entry.attachments}
          disabled={remove.isPending}
          onRemove={(file) =>
            remove.mutate(file.id, { onSuccess: () => router.refresh(), onError: fail })
          }
        />
        <EvidencePicker
          files={files}
          onChange={(next) => {
            setFiles(next);
            setFileErrors({});
          }}
          serverErrors={fileErrors}
          already={entry.attachments.length}
          label={t("add")}
        />
        {error && (
          <Alert variant="destructive" role="alert">
            {error}
          </Alert>
        )}
        <Button
          type="button"
          variant="outline"
          className="self-start"
          disabled={files.length === 0 || add.isPending}
          onClick={() =>
            add.mutate(files, {
              onSuccess: () => {
                setFiles([]);
                setError(null);
                router.refresh();
              },
              onError: fail,
            })
          }
        >
          {add.isPending ? t("uploading") : t("upload")}
        </Button>
      </CardContent>
    </Card>
  );
}
