import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { findPlan } from "@/lib/plans/queries";
import { listReviews } from "@/lib/reviews/queries";
import { Alert } from "@/app/_components/ui/alert";
import { REVIEW_TABS, ReviewFilters, type ReviewScope, type ReviewTab } from "./review-filters";
import { ReviewQueue } from "./review-queue";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** 进展审核: a leader's queue of entries to approve or return (others get the 403 page). */
export default async function ReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "entry:review")) forbidden();
  const params = await searchParams;
  // An unknown value in the URL falls back to the default view rather than failing the page.
  const asked = first(params.status);
  const status: ReviewTab = REVIEW_TABS.find((tab) => tab === asked) ?? "pending";
  const askedScope = first(params.scope);
  const scope: ReviewScope | undefined =
    askedScope === "mine" || askedScope === "all" ? askedScope : undefined;
  const t = await getTranslations("reviews");
  if (!(await findPlan())) {
    return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  }
  const initialData = await listReviews(user, { status, scope });

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </header>
      <ReviewFilters status={status} scope={initialData.scope} />
      <ReviewQueue
        key={`${status}-${scope ?? "default"}`}
        status={status}
        scope={scope}
        initialData={initialData}
      />
    </div>
  );
}
