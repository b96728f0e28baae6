import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { proposePlan } from "./plan-text";
import type { PlanTextPreviewInput } from "./schemas";

/**
 * What the importer proposes for a work-plan text: themes, their tasks and indicators, with the
 * text each came from and the importer's warnings. Nothing is written: the admin edits the
 * proposal and commits it (commit-plan.ts).
 */
export async function previewPlanText(actor: Actor, input: PlanTextPreviewInput) {
  authorize(actor, "admin:manage");
  const proposal = proposePlan(input.text, input.section ? { section: input.section } : undefined);
  return {
    projects: proposal.projects.map((project) => ({
      title: project.title,
      text: project.text,
      tasks: project.tasks.map((task) => ({
        title: task.title,
        text: task.text,
        indicators: task.indicators.map((indicator) => ({
          name: indicator.name,
          target: indicator.target,
          unit: indicator.unit,
          baseline: indicator.baseline ?? null,
          direction: indicator.direction,
          source: indicator.source,
        })),
      })),
    })),
    warnings: proposal.warnings.map((warning) => ({
      key: warning.key,
      values: { ...warning.values },
    })),
  };
}

export type PlanTextPreview = Awaited<ReturnType<typeof previewPlanText>>;
export type PreviewProject = PlanTextPreview["projects"][number];
export type PreviewTask = PreviewProject["tasks"][number];
export type PreviewIndicator = PreviewTask["indicators"][number];
export type PreviewWarning = PlanTextPreview["warnings"][number];
