import Link from "next/link";
import { useTranslations } from "next-intl";
import { ALL_REPORTED } from "@/lib/reports/cells";
import type { NotReportedOwner } from "@/lib/reports/types";
import { cn } from "@/app/_components/ui/cn";

/** 本月未填报: each unit and owner with the tasks they have not reported on this month. */
export function NotReportedList({
  owners,
  variant = "screen",
}: {
  owners: NotReportedOwner[];
  variant?: "screen" | "print";
}) {
  const t = useTranslations("reports.notReported");
  const print = variant === "print";
  // The printed document is in Chinese whatever the UI language, as the exports are.
  const heading = print ? "本月未填报" : t("heading");
  const none = print ? ALL_REPORTED : t("none");
  return (
    <section
      aria-label={heading}
      data-testid="report-not-reported"
      className={cn("flex flex-col gap-2", !print && "rounded-lg border bg-card p-4")}
    >
      <h2 className={cn("font-semibold", print ? "text-base" : "text-lg")}>{heading}</h2>
      {owners.length === 0 ? (
        <p className="text-sm text-muted-foreground">{none}</p>
      ) : (
        <ul className="flex flex-col gap-1.5 text-sm">
          {owners.map((owner) => (
            <li
              key={`${owner.unitId}:${owner.ownerId}`}
              data-testid={`not-reported-${owner.ownerId}`}
            >
              <span className="font-medium">{owner.unitName}</span>
              {" — "}
              <span className="font-medium">{owner.ownerName}</span>
              {" — "}
              {owner.tasks.map((task, index) => (
                <span key={task.id}>
                  {index > 0 && "、"}
                  <Link
                    href={`/tasks/${task.id}`}
                    className={cn(!print && "text-primary underline-offset-4 hover:underline")}
                  >
                    {task.title}
                  </Link>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
