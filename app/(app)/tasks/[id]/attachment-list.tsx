import { FileText, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { EntryAttachment } from "@/lib/entries/queries";
import { Button } from "@/app/_components/ui/button";
import { formatSize } from "./evidence-picker";

/** An entry's evidence: thumbnails of photos and chips of PDFs, each opening the file itself. */
export function AttachmentList({
  attachments,
  onRemove,
  disabled,
}: {
  attachments: EntryAttachment[];
  /** Offered to the entry's author while it is open. */
  onRemove?: (attachment: EntryAttachment) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("evidence");
  if (attachments.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("label")}>
      {attachments.map((file) => (
        <li key={file.id} className="relative" data-testid="attachment">
          <a
            href={`/api/v1/attachments/${file.id}`}
            target="_blank"
            rel="noopener"
            title={`${file.fileName} · ${formatSize(file.size)}`}
            className="block overflow-hidden rounded-md border hover:ring-2 hover:ring-ring"
          >
            {file.hasThumbnail ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by our API to signed-in users; next/image would proxy it without the session
              <img
                src={`/api/v1/attachments/${file.id}/thumbnail`}
                alt={file.fileName}
                loading="lazy"
                className="size-20 object-cover"
              />
            ) : (
              <span className="flex h-20 w-32 flex-col items-center justify-center gap-1 p-1 text-center text-xs">
                <FileText className="size-6 text-muted-foreground" aria-hidden />
                <span className="line-clamp-2 break-all">{file.fileName}</span>
              </span>
            )}
          </a>
          {onRemove && (
            <Button
              type="button"
              variant="outline"
              size="sm"
              className="absolute -right-2 -top-2 size-7 rounded-full bg-card p-0"
              aria-label={t("remove", { name: file.fileName })}
              disabled={disabled}
              onClick={() => onRemove(file)}
            >
              <X aria-hidden />
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
