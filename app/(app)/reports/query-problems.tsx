import { useTranslations } from "next-intl";
import { Alert } from "@/app/_components/ui/alert";

/** The URL's parameters that did not hold (say, a month outside the plan), in the user's words. */
export function QueryProblems({ problems }: { problems: string[] }) {
  const t = useTranslations("reports");
  if (problems.length === 0) return null;
  return (
    <Alert variant="destructive" role="alert" data-testid="report-query-error">
      <p>{t("invalidQuery")}</p>
      <ul className="list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </Alert>
  );
}
