"use client";

import type { Dashboard } from "@/lib/dashboard/queries";
import type { InstructionItem } from "@/lib/instructions/queries";
import { useDashboard } from "@/app/_queries/oversight";
import { DashboardCharts } from "./dashboard-charts";
import { DashboardLists } from "./dashboard-lists";
import { PlanSummary } from "./plan-summary";
import { ProjectCards } from "./project-cards";
import { SentInstructions } from "./sent-instructions";
import { UnitRanking } from "./unit-ranking";

/**
 * The dashboard's sections, from the server's figures and then the API's (after an urge, say).
 * Every number shown is the API's own; the browser only formats and orders them.
 */
export function DashboardView({
  planId,
  asOf,
  initialData,
  canUrge,
  instructions,
}: {
  /** The URL's choice (undefined: the server's default), which the count links carry on. */
  planId: number | undefined;
  asOf: string | undefined;
  initialData: Dashboard;
  canUrge: boolean;
  instructions: InstructionItem[] | null;
}) {
  const { data = initialData } = useDashboard(planId, asOf, initialData);
  const scope = { asOf: data.asOf, planId };
  return (
    <div className="flex flex-col gap-6" data-testid="dashboard">
      <PlanSummary plan={data.plan} scope={scope} />
      <ProjectCards projects={data.projects} scope={scope} />
      <DashboardLists lists={data.lists} scope={scope} canUrge={canUrge} />
      <DashboardCharts dashboard={data} />
      <div className="grid gap-6 lg:grid-cols-2">
        <UnitRanking units={data.units} />
        {instructions && <SentInstructions initialData={instructions} />}
      </div>
    </div>
  );
}
