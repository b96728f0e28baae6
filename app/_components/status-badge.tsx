import { useTranslations } from "next-intl";
import type { TaskStatus } from "@/lib/tasks/status";
import { Badge } from "./ui/badge";

const VARIANT = {
  not_started: "outline",
  in_progress: "secondary",
  blocked: "danger",
  completed: "info",
} as const satisfies Record<TaskStatus, string>;

export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations("status");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}
