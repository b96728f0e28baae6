"use client";

import { FileText, ImagePlus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/entries/rules";
import { useFieldMessage } from "@/app/_components/form-field";
import { Button } from "@/app/_components/ui/button";
import { Label } from "@/app/_components/ui/label";

export const EVIDENCE_ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";
const ACCEPTED = new Set(EVIDENCE_ACCEPT.split(","));
const EXTENSIONS = /\.(jpe?g|png|webp|pdf)$/i;

// Some phone pickers (and WeChat's) give no type: then the name decides, and the server's check
// of the content has the last word either way.
const looksAccepted = (file: File) =>
  file.type ? ACCEPTED.has(file.type) : EXTENSIONS.test(file.name);

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * 佐证材料: photos (on a phone, straight from the camera) and PDFs, up to 10 of 10 MB each. The
 * browser's checks are a courtesy; the server checks each file's content.
 */
export function EvidencePicker({
  files,
  onChange,
  serverErrors = {},
  already = 0,
  label,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  /** The server's `files.<i>` and `files` messages for the files last sent. */
  serverErrors?: Record<string, string>;
  /** Files the entry already has. */
  already?: number;
  label?: string;
}) {
  const t = useTranslations("evidence");
  const say = useFieldMessage();
  const id = useId();
  const [refused, setRefused] = useState<string[]>([]);

  function add(list: FileList | null) {
    const next = [...files];
    const problems: string[] = [];
    for (const file of Array.from(list ?? [])) {
      if (already + next.length >= MAX_ATTACHMENTS) {
        problems.push(t("tooMany", { max: MAX_ATTACHMENTS }));
        break;
      }
      if (!looksAccepted(file)) problems.push(t("wrongType", { name: file.name }));
      else if (file.size > MAX_ATTACHMENT_BYTES) problems.push(t("tooLarge", { name: file.name }));
      else next.push(file);
    }
    setRefused(problems);
    onChange(next);
  }

  return (
    <div className="flex flex-col gap-2" data-testid="evidence-picker">
      <Label htmlFor={id}>{label ?? t("label")}</Label>
      <label className="flex cursor-pointer items-center justify-center gap-2 rounded-md border border-dashed px-3 py-4 text-sm text-muted-foreground hover:bg-muted has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
        <ImagePlus className="size-5" aria-hidden />
        <span>{t("choose")}</span>
        <input
          id={id}
          type="file"
          multiple
          accept={EVIDENCE_ACCEPT}
          className="sr-only"
          onChange={(event) => {
            add(event.target.files);
            event.target.value = "";
          }}
        />
      </label>
      <p className="text-xs text-muted-foreground">{t("hint", { max: MAX_ATTACHMENTS })}</p>
      {files.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label={t("chosen")}>
          {files.map((file, index) => (
            <li
              key={`${file.name}-${index}`}
              className="flex flex-wrap items-center gap-2 rounded-md border px-2 py-1 text-sm"
              data-testid="evidence-file"
            >
              <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              <span className="min-w-0 flex-1 truncate">{file.name}</span>
              <span className="text-xs text-muted-foreground tabular-nums">
                {formatSize(file.size)}
              </span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={t("remove", { name: file.name })}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                <X className="size-4" aria-hidden />
              </Button>
              {serverErrors[`files.${index}`] && (
                <span className="basis-full text-sm text-destructive" role="alert">
                  {say(serverErrors[`files.${index}`])}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {[...refused, ...(serverErrors.files ? [say(serverErrors.files)] : [])].map((problem) => (
        <p key={problem} className="text-sm text-destructive" data-testid="evidence-error">
          {problem}
        </p>
      ))}
    </div>
  );
}
