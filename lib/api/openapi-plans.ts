/**
 * The yearly plans' part of the OpenAPI document (#7): creating a year's plan, copying a plan into
 * a new year and switching the current plan (admins). Merged into `openApiDocument` by
 * lib/api/openapi.ts: `createPlanOperation` joins its `/plans` item (whose `get` lives there), the
 * rest are paths of their own. Request schemas are the handlers' zod schemas; responses are typed
 * against the lib functions' return types.
 */
import type { PlanCopy } from "@/lib/plans/copy-plan";
import { planCopySchema, planCreateSchema } from "@/lib/plans/create-schema";
import {
  fromZod,
  id,
  idPath,
  object,
  operation,
  ref,
  text,
  type Json,
  type PathItem,
} from "./openapi-helpers";

const count: Json = { type: "integer", minimum: 0 };

export const plansSchemas = (): Record<string, Json> => ({
  // Requests.
  PlanCreate: {
    ...fromZod(planCreateSchema),
    description:
      "One plan per year (a second is a 400 on `year`). Left out: `title` is the current " +
      "plan's with its year replaced (else `<year>年工作计划`), the period 1 January – 31 " +
      "December of `year`, the time zone, reporting day and thresholds the current plan's. " +
      "`startDate` may not follow `endDate`; `greenMaxGap` may not exceed `yellowMaxGap`.",
  },
  PlanCopy: {
    ...fromZod(planCopySchema),
    description:
      "The new plan's year (one plan per year: a taken year is a 400 on `year`) and, if not " +
      "derived from the source's, its title.",
  },

  // Responses.
  PlanCopyResult: {
    description:
      "The new plan (not current) with what was copied: the source's live projects, tasks and " +
      "indicators. Tasks keep title, description, owner (even a deactivated one), lead unit, " +
      "co-units and weight, are not started, and have their dates moved by the difference in " +
      "years (29 February → 28 February in a common year). An indicator's baseline is its final " +
      "value of the source plan (latest counting reading up to its end date), else its old " +
      "baseline. No entries, readings, instructions or urges are copied.",
    allOf: [
      ref("Plan"),
      object<PlanCopy>({
        copied: object<PlanCopy["copied"]>(
          { projects: count, tasks: count, indicators: count },
          "How many of each were written.",
        ),
        retargeted: {
          type: "array",
          description:
            "Copied indicators whose target was reached or passed by last year's final value: " +
            "their new target is last year's step (|target − baseline|) again from the new " +
            "baseline (a decreasing one not below 0). To be reviewed.",
          items: object<PlanCopy["retargeted"][number]>({
            id,
            taskId: id,
            name: text,
            baseline: { type: "number" },
            target: { type: "number" },
          }),
        },
      }),
    ],
  },
});

/** `POST /plans`, for the `/plans` item of lib/api/openapi.ts. */
export const createPlanOperation = (): Json =>
  operation({
    id: "createPlan",
    tag: "Plans",
    summary: "Create a year's plan, empty (admins)",
    description: "The new plan does not become the current one (`POST /plans/{id}/current`).",
    body: "PlanCreate",
    ok: { status: 201, description: "The new plan.", schema: "Plan" },
    errors: [400, 403],
  });

export const plansPaths = (): Record<string, PathItem> => ({
  "/plans/{id}/copy": {
    parameters: [idPath],
    post: operation({
      id: "copyPlan",
      tag: "Plans",
      summary: "Copy a plan's structure into a new year (admins)",
      description:
        "One transaction, with an audit row for the plan and each project, task and indicator " +
        "written. Archived projects, tasks and indicators stay behind. The new plan does not " +
        "become the current one.",
      body: "PlanCopy",
      ok: {
        status: 201,
        description: "The new plan and what was copied.",
        schema: "PlanCopyResult",
      },
      errors: [400, 403, 404],
    }),
  },
  "/plans/{id}/current": {
    parameters: [idPath],
    post: operation({
      id: "setCurrentPlan",
      tag: "Plans",
      summary: "Make a plan the current one (admins)",
      description:
        "The plan every page and list shows when none is asked for. The plan that was current " +
        "stops being so; both changes are audited. Already current: nothing changes.",
      ok: { status: 200, description: "The plan, now current.", schema: "Plan" },
      errors: [403, 404],
    }),
  },
});
