import * as edit from "@/lib/imports/draft";
import type { Draft, DraftIndicator, DraftProject, DraftTask } from "@/lib/imports/draft";

/** Every edit of the preview, as an action of the editor's reducer (see lib/imports/draft.ts). */
export type DraftAction =
  | { type: "planYear"; year: string }
  | { type: "planTitle"; title: string }
  | { type: "planPeriod"; startDate: string; endDate: string }
  | {
      type: "project";
      project: string;
      patch: Partial<Pick<DraftProject, "title" | "leadLeaderId">>;
    }
  | { type: "dropProject"; project: string }
  | {
      type: "task";
      project: string;
      task: string;
      patch: Partial<Pick<DraftTask, "title" | "description" | "startDate" | "dueDate">>;
    }
  | { type: "owner"; project: string; task: string; ownerId: number | null; unitId: number | null }
  | { type: "ownerForAll"; ownerId: number; unitId: number }
  | { type: "leadUnit"; project: string; task: string; unitId: number | null }
  | { type: "dropTask"; project: string; task: string }
  | { type: "mergeTask"; project: string; task: string }
  | { type: "splitTask"; project: string; task: string; index?: number }
  | { type: "addTask"; project: string }
  | {
      type: "indicator";
      project: string;
      task: string;
      indicator: string;
      patch: Partial<Pick<DraftIndicator, "name" | "target" | "unit" | "baseline" | "direction">>;
    }
  | { type: "dropIndicator"; project: string; task: string; indicator: string }
  | { type: "addIndicator"; project: string; task: string };

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case "planYear":
      return edit.setPlanYear(draft, action.year);
    case "planTitle":
      return edit.setPlanTitle(draft, action.title);
    case "planPeriod":
      return edit.setPlanPeriod(draft, action.startDate, action.endDate);
    case "project":
      return edit.updateProject(draft, action.project, action.patch);
    case "dropProject":
      return edit.dropProject(draft, action.project);
    case "task":
      return edit.updateTask(draft, action.project, action.task, action.patch);
    case "owner":
      return edit.setTaskOwner(draft, action.project, action.task, action.ownerId, action.unitId);
    case "ownerForAll":
      return edit.assignOwnerToAll(draft, action.ownerId, action.unitId);
    case "leadUnit":
      return edit.setTaskLeadUnit(draft, action.project, action.task, action.unitId);
    case "dropTask":
      return edit.dropTask(draft, action.project, action.task);
    case "mergeTask":
      return edit.mergeTaskIntoPrevious(draft, action.project, action.task);
    case "splitTask":
      return edit.splitTask(draft, action.project, action.task, action.index);
    case "addTask":
      return edit.addTask(draft, action.project);
    case "indicator":
      return edit.updateIndicator(
        draft,
        action.project,
        action.task,
        action.indicator,
        action.patch,
      );
    case "dropIndicator":
      return edit.dropIndicator(draft, action.project, action.task, action.indicator);
    case "addIndicator":
      return edit.addIndicator(draft, action.project, action.task);
  }
}
