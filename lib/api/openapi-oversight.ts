/**
 * The leaders' part of the OpenAPI document (#5): the dashboard, the review queue, instructions
 * (批示), urges (催办), the bell and plan settings. Merged into `openApiDocument` by
 * lib/api/openapi.ts; built the same way: request schemas from the handlers' zod schemas, response
 * schemas typed against the lib functions' return types.
 */
import { NOTIFICATION_KINDS } from "@/db/schema/notifications";
import { REVIEW_STATUSES } from "@/db/schema/progress";
import { UNIT_TYPES } from "@/db/schema/units";
import type {
  Dashboard,
  DashboardList,
  DashboardListItem,
  DashboardPlan,
  DashboardProject,
  DashboardUnit,
  LightCounts,
  OnTime,
  TrendPoint,
} from "@/lib/dashboard/queries";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import {
  INSTRUCTION_STATES,
  type InstructionItem,
  type listInstructionsBy,
} from "@/lib/instructions/queries";
import {
  instructionAckSchema,
  instructionCreateSchema,
  instructionListQuerySchema,
} from "@/lib/instructions/schemas";
import type {
  NotificationItem,
  listNotifications,
  markNotificationsRead,
} from "@/lib/notifications/queries";
import { markReadSchema } from "@/lib/notifications/schemas";
import { planSettingsSchema } from "@/lib/plans/settings-schema";
import { LIGHTS, type LightThresholds } from "@/lib/progress";
import type { ReviewItem, listReviews } from "@/lib/reviews/queries";
import type { approveEntries } from "@/lib/reviews/review-entry";
import {
  MAX_BULK_APPROVE,
  bulkApproveSchema,
  reviewQuerySchema,
  reviewSchema,
} from "@/lib/reviews/schemas";
import { urgeCreateSchema } from "@/lib/urges/schemas";
import type { listTaskUrges, urgeTask } from "@/lib/urges/urges";
import {
  date,
  dateTime,
  errorResponse,
  fraction,
  fromZod,
  id,
  idPath,
  listOf,
  nullable,
  object,
  operation,
  queryParameters,
  ref,
  text,
  version,
  type Json,
  type PathItem,
} from "./openapi-helpers";

export const OVERSIGHT_TAGS = [
  "Dashboard",
  "Reviews",
  "Instructions",
  "Urges",
  "Notifications",
] as const;

const count: Json = { type: "integer", minimum: 0 };
const percentOf = (what: string): Json => ({ ...fraction, description: `${what}, 0–1.` });

/** The four light counts (green / yellow / red / blue = completed) of a set of tasks. */
const lightCounts = () =>
  object<LightCounts>(
    {
      green: { ...count, description: "Gap at most the plan's green threshold." },
      yellow: { ...count, description: "Gap above green's, at most yellow's." },
      red: { ...count, description: "Gap above yellow's, or past due and not completed." },
      blue: { ...count, description: "Completed." },
    },
    "Tasks by pace light as of `asOf`; each count equals the task list's total for `light`.",
  );

/** The figures a project's or a unit's row shares. */
const aggregateFields = {
  taskCount: { ...count, description: "Live (not archived) tasks." },
  progress: percentOf("Weighted mean of its tasks' progress"),
  timeProgress: percentOf("Weighted mean of its tasks' time progress"),
  lights: ref("LightCounts"),
  notReported: {
    ...count,
    description: "Begun, not completed, and no entry yet in `asOf`'s month (未填报).",
  },
};

const readingOfReview = () =>
  object<ReviewItem["readings"][number]>(
    {
      indicatorId: id,
      name: text,
      unit: { ...text, description: "The unit of measure, e.g. 户 or 万元." },
      decimals: { type: "integer", minimum: 0, maximum: 4 },
      value: { type: "number", description: "The cumulative value reached." },
    },
    "One cumulative reading of an indicator.",
  );

/** A 409 body with the standard fields only: `fields` names what conflicts and why. */
const conflictResponse = (description: string): Json => errorResponse(description);

/** A 409 of bulk approval naming the entries in the way (`ids`); none was approved. */
const bulkConflict = (reason: "not_pending" | "stale", ids: string): Json => ({
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "reason", "ids", "fields"],
      properties: {
        code: { const: "conflict" },
        message: text,
        reason: { const: reason },
        ids: { type: "array", items: id, description: ids },
        fields: {
          type: "object",
          required: ["_"],
          properties: { _: { ...text, description: "Why, in the caller's language." } },
        },
      },
    },
  },
});

export const oversightSchemas = (): Record<string, Json> => ({
  // Requests: the handlers' own schemas.
  ReviewDecision: {
    ...fromZod(reviewSchema),
    description:
      "`reason` is required to return an entry (a 400 naming `reason` without one); with " +
      "`version`, an entry changed since is a 409.",
  },
  BulkApprove: {
    ...fromZod(bulkApproveSchema),
    description:
      `1 to ${MAX_BULK_APPROVE} pending entries, each once, each with the \`version\` the ` +
      "leader saw (from the queue): an entry changed since is not approved unseen (409).",
  },
  InstructionCreate: fromZod(instructionCreateSchema),
  InstructionAck: {
    ...fromZod(instructionAckSchema),
    description: "签收, with the answer (办理情况) now or later; an answer is given once.",
  },
  UrgeCreate: fromZod(urgeCreateSchema),
  MarkRead: {
    ...fromZod(markReadSchema),
    description: "Some of the caller's messages by id, or all of them.",
  },
  PlanSettings: {
    ...fromZod(planSettingsSchema),
    description:
      "The fields given replace the plan's; `greenMaxGap` may not exceed `yellowMaxGap`.",
  },

  // Responses.
  LightCounts: lightCounts(),
  LightThresholds: object<LightThresholds>({
    greenMaxGap: { type: "number", minimum: 0, maximum: 100 },
    yellowMaxGap: { type: "number", minimum: 0, maximum: 100 },
  }),
  Dashboard: object<Dashboard>(
    {
      planId: id,
      asOf: { ...date, description: "The date the figures are as of." },
      plan: ref("DashboardPlan"),
      projects: { type: "array", items: ref("DashboardProject") },
      units: {
        type: "array",
        items: ref("DashboardUnit"),
        description: "Units leading a live task, by lead unit.",
      },
      trend: {
        type: "array",
        items: ref("TrendPoint"),
        description: "The plan's figures at each month end up to `asOf`, and at `asOf`.",
      },
      lists: object<Dashboard["lists"]>({
        red: ref("DashboardList"),
        overdue: ref("DashboardList"),
        dueSoon: { ...ref("DashboardList"), description: "Not completed, due within 30 days." },
        notReported: ref("DashboardList"),
      }),
    },
    "领导驾驶舱: a plan as of a date. Every count agrees with the task list filtered the same way.",
  ),
  DashboardPlan: object<DashboardPlan>({
    id,
    title: text,
    startDate: date,
    endDate: date,
    reportingDay: { type: "integer", minimum: 1, maximum: 28 },
    thresholds: ref("LightThresholds"),
    progress: percentOf("Weighted mean of the tasks' progress (任务过半)"),
    timeProgress: percentOf("Weighted mean of the tasks' time progress"),
    periodProgress: percentOf("Share of the plan's own period elapsed (时间过半)"),
    taskCount: { ...count, description: "Live (not archived) tasks." },
    lights: ref("LightCounts"),
    overdue: { ...count, description: "Past due and not completed." },
    notReported: aggregateFields.notReported,
    dueSoon: { ...count, description: "Not completed and due within 30 days." },
  }),
  DashboardProject: object<DashboardProject>({
    id,
    title: text,
    leadLeaderName: nullable({ ...text, description: "Its 分管领导." }),
    ...aggregateFields,
    overdue: { ...count, description: "Past due and not completed." },
  }),
  DashboardUnit: object<DashboardUnit>(
    {
      id,
      name: text,
      type: { type: "string", enum: [...UNIT_TYPES] },
      ...aggregateFields,
      onTime: ref("OnTime"),
    },
    "A unit's own tasks: those it leads (not those it only works on as a co-unit).",
  ),
  OnTime: object<OnTime>(
    {
      expected: { ...count, description: "Monthly entries due by the reporting day so far." },
      reported: { ...count, description: "Those made on time." },
      share: nullable({ ...fraction, description: "reported / expected; null when none due." }),
    },
    "On-time reporting (按时填报).",
  ),
  TrendPoint: object<TrendPoint>({
    date,
    progress: percentOf("The plan's progress"),
    timeProgress: percentOf("The plan's time progress"),
  }),
  DashboardList: object<DashboardList>({
    total: { ...count, description: "Every task in the list." },
    items: {
      type: "array",
      items: ref("DashboardListItem"),
      maxItems: 50,
      description: "The first 50.",
    },
  }),
  DashboardListItem: object<DashboardListItem>({
    id,
    title: text,
    projectId: id,
    projectTitle: text,
    ownerId: id,
    ownerName: text,
    leadUnitId: id,
    leadUnitName: text,
    dueDate: date,
    progress: fraction,
    timeProgress: fraction,
    light: { type: "string", enum: [...LIGHTS] },
    urgeCount: { ...count, description: "Times its owner was urged (催办), all time." },
  }),

  ReviewQueue: object<Awaited<ReturnType<typeof listReviews>>>({
    planId: id,
    status: { type: "string", enum: [...REVIEW_STATUSES] },
    scope: {
      type: "string",
      enum: ["mine", "all"],
      description: "The themes the caller leads, or all.",
    },
    items: { type: "array", items: ref("ReviewItem") },
    more: { type: "boolean", description: "More entries wait beyond these." },
  }),
  ReviewItem: object<ReviewItem>(
    {
      id,
      version,
      date: { ...date, description: "The day the progress is reported for." },
      taskId: id,
      taskTitle: text,
      projectId: id,
      projectTitle: text,
      ownerName: text,
      leadUnitName: text,
      authorId: id,
      authorName: text,
      percent: nullable({ type: "number", minimum: 0, maximum: 100 }),
      note: text,
      problems: text,
      nextSteps: text,
      reviewStatus: { type: "string", enum: [...REVIEW_STATUSES] },
      reviewReason: nullable({ ...text, description: "Why it was returned, when it was." }),
      reviewedByName: nullable(text),
      reviewedAt: nullable(dateTime),
      createdAt: dateTime,
      routine: {
        type: "boolean",
        description: "No problems reported: a candidate for bulk approval.",
      },
      readings: { type: "array", items: ref("ReviewReading") },
      attachments: { type: "array", items: ref("EntryAttachment") },
    },
    "An entry in the review queue (待审核) with its readings and evidence.",
  ),
  ReviewReading: readingOfReview(),
  BulkApproveResult: object<Awaited<ReturnType<typeof approveEntries>>>({
    approved: { ...count, description: "Entries approved." },
  }),
  EntryNotPending: bulkConflict(
    "not_pending",
    "The entries no longer waiting for review (reviewed, returned or withdrawn).",
  ),
  EntryStale: bulkConflict(
    "stale",
    "The entries changed (by their authors, say) since the `version` sent: look at them again.",
  ),

  Instruction: object<InstructionItem>(
    {
      id,
      taskId: id,
      taskTitle: text,
      ownerId: id,
      ownerName: text,
      authorId: id,
      authorName: text,
      text,
      reply: nullable({ ...text, description: "The owner's answer (办理情况)." }),
      state: { type: "string", enum: [...INSTRUCTION_STATES] },
      acknowledgedAt: nullable({ ...dateTime, description: "签收." }),
      repliedAt: nullable(dateTime),
      createdAt: dateTime,
      answerable: {
        type: "boolean",
        description: "Whether the caller may still acknowledge or answer it.",
      },
    },
    "A leader's instruction (领导批示) on a task: unread, acknowledged or answered.",
  ),
  InstructionList: object<{ items: Awaited<ReturnType<typeof listInstructionsBy>> }>({
    items: { type: "array", items: ref("Instruction") },
  }),
  Urge: object<Awaited<ReturnType<typeof listTaskUrges>>[number]>(
    {
      id,
      taskId: id,
      authorName: text,
      recipientName: text,
      message: text,
      createdAt: dateTime,
    },
    "An urge (催办) sent to a task's owner.",
  ),
  UrgeList: listOf("Urge"),
  UrgeResult: object<Awaited<ReturnType<typeof urgeTask>>>({
    id,
    taskId: id,
    message: text,
    count: { type: "integer", minimum: 1, description: "Times the task has now been urged." },
  }),
  Notification: object<NotificationItem>(
    {
      id,
      kind: { type: "string", enum: [...NOTIFICATION_KINDS] },
      taskId: nullable(id),
      taskTitle: nullable(text),
      refId: nullable({ ...id, description: "The instruction, entry or urge it is about." }),
      body: { ...text, description: "The instruction, the reason or the message." },
      read: { type: "boolean" },
      createdAt: dateTime,
    },
    "A message in the caller's bell.",
  ),
  Notifications: object<Awaited<ReturnType<typeof listNotifications>>>({
    unread: count,
    items: { type: "array", items: ref("Notification"), maxItems: 50 },
  }),
  UnreadCount: object<Awaited<ReturnType<typeof markNotificationsRead>>>({
    unread: { ...count, description: "The caller's unread messages now." },
  }),
});

export const oversightResponses = (): Record<string, Json> => ({
  ReviewConflict: {
    description:
      "Nothing was changed: a stale `version` (the current entry and who changed it), the entry " +
      "is closed (`reason`: withdrawn), it is no longer pending (`reason`: not_pending), or a " +
      "return of an entry dated in a published month or earlier (code `month_published`).",
    content: {
      "application/json": {
        schema: {
          oneOf: [
            ref("EntryConflict"),
            ref("EntryLocked"),
            ref("EntryNotPending"),
            ref("MonthPublished"),
          ],
        },
      },
    },
  },
  BulkApproveConflict: {
    description:
      "None was approved: some entries are no longer pending (`reason`: not_pending), or, all " +
      "pending, some changed since the `version` sent (`reason`: stale); `ids` names them.",
    content: {
      "application/json": {
        schema: { oneOf: [ref("EntryNotPending"), ref("EntryStale")] },
      },
    },
  },
  InstructionAnswered: conflictResponse(
    "The instruction was answered already (`fields.reply`): the first answer stays.",
  ),
  TaskCompleted: conflictResponse("The task is completed: its owner is not urged."),
});

export const oversightPaths = (): Record<string, PathItem> => ({
  "/dashboard": {
    get: operation({
      id: "getDashboard",
      tag: "Dashboard",
      summary: "The leaders' dashboard (领导驾驶舱) of a plan as of a date",
      description:
        "The plan's progress against time, a card per project, units, the monthly trend and the " +
        "red, overdue, due-soon and not-reported lists. Each count equals the task list's total " +
        "for the same `asOf` filtered the same way (`light`, `overdue`, `notReported`, " +
        "`dueWithin=30`, `projectId`). An `asOf` outside the plan's period is a 400 naming " +
        "`asOf`.",
      parameters: queryParameters(dashboardQuerySchema, {
        planId: "Default: the current plan.",
        asOf:
          "Figures as of this date, within the plan's period (from its start to its end date). " +
          "Default: today (after the plan's end, its last reported day).",
      }),
      ok: { status: 200, description: "The dashboard.", schema: "Dashboard" },
      errors: [400, 404],
    }),
  },
  "/reviews": {
    get: operation({
      id: "listReviews",
      tag: "Reviews",
      summary: "The review queue (待审核; leaders)",
      description:
        "Entries of the plan's live tasks in a review state with their readings and evidence: " +
        "pending ones oldest first, reviewed ones newest first, at most 200 (`more` tells).",
      parameters: queryParameters(reviewQuerySchema, {
        status: "Default: pending.",
        scope:
          "`mine`: the themes the caller leads (the default when they lead any); `all`: every one.",
        planId: "Default: the current plan.",
      }),
      ok: { status: 200, description: "The queue.", schema: "ReviewQueue" },
      errors: [400, 403, 404],
    }),
  },
  "/reviews/approve": {
    post: operation({
      id: "approveEntries",
      tag: "Reviews",
      summary: "Approve routine entries together (leaders): all of them, or none",
      body: "BulkApprove",
      ok: { status: 200, description: "How many were approved.", schema: "BulkApproveResult" },
      errors: [400, 403, 404],
      conflict: { response: "BulkApproveConflict" },
    }),
  },
  "/entries/{id}/review": {
    parameters: [idPath],
    post: operation({
      id: "reviewEntry",
      tag: "Reviews",
      summary: "Approve or return a pending entry (审核; leaders)",
      description:
        "A returned entry stops counting and its author is told in their bell; their next save " +
        "of it resubmits it for review.",
      body: "ReviewDecision",
      ok: { status: 200, description: "The entry, reviewed.", schema: "Entry" },
      errors: [400, 403, 404],
      conflict: { response: "ReviewConflict" },
    }),
  },
  "/tasks/{id}/instructions": {
    parameters: [idPath],
    get: operation({
      id: "listTaskInstructions",
      tag: "Instructions",
      summary: "A task's instructions (领导批示), newest first",
      ok: { status: 200, description: "The instructions.", schema: "InstructionList" },
      errors: [404],
    }),
    post: operation({
      id: "createInstruction",
      tag: "Instructions",
      summary: "Write an instruction on a task (leaders); its owner is told in their bell",
      description: "An archived task is a 400.",
      body: "InstructionCreate",
      ok: { status: 201, description: "The new instruction.", schema: "Instruction" },
      errors: [400, 403, 404],
    }),
  },
  "/instructions": {
    get: operation({
      id: "listInstructions",
      tag: "Instructions",
      summary: "The caller's instructions: received and not yet answered, or sent",
      parameters: queryParameters(instructionListQuerySchema, {
        box:
          "`received` (default): on the live tasks the caller owns, still waiting for an " +
          "answer; `sent`: those the caller wrote, newest first.",
      }),
      ok: { status: 200, description: "The instructions.", schema: "InstructionList" },
      errors: [400],
    }),
  },
  "/instructions/{id}/ack": {
    parameters: [idPath],
    post: operation({
      id: "answerInstruction",
      tag: "Instructions",
      summary: "Acknowledge (签收) and answer (办理情况) an instruction (the task's owner)",
      description:
        "Without `reply`, an acknowledgement (again: nothing changes); with one, the answer, " +
        "given once.",
      body: "InstructionAck",
      ok: { status: 200, description: "The instruction.", schema: "Instruction" },
      errors: [400, 403, 404],
      conflict: { response: "InstructionAnswered" },
    }),
  },
  "/tasks/{id}/urges": {
    parameters: [idPath],
    get: operation({
      id: "listTaskUrges",
      tag: "Urges",
      summary: "A task's urges (催办), newest first",
      ok: { status: 200, description: "The urges.", schema: "UrgeList" },
      errors: [404],
    }),
    post: operation({
      id: "urgeTask",
      tag: "Urges",
      summary: "Urge a task's owner (leaders); the owner is told in their bell",
      description: "An archived task is a 400; a completed one a 409.",
      body: "UrgeCreate",
      ok: { status: 201, description: "The urge and the task's count.", schema: "UrgeResult" },
      errors: [400, 403, 404],
      conflict: { response: "TaskCompleted" },
    }),
  },
  "/notifications": {
    get: operation({
      id: "listNotifications",
      tag: "Notifications",
      summary: "The caller's bell: the newest 50 messages and the unread count",
      description:
        "Instructions received, entries returned, urges, and reminders raised once each when " +
        "they come due: a task due within 7 days, this month's entry missing after the " +
        "reporting day.",
      ok: { status: 200, description: "The messages.", schema: "Notifications" },
    }),
  },
  "/notifications/read": {
    post: operation({
      id: "markNotificationsRead",
      tag: "Notifications",
      summary: "Mark the caller's messages read: some by id, or all",
      description: "Ids of other people's messages change nothing.",
      body: "MarkRead",
      ok: { status: 200, description: "The unread count now.", schema: "UnreadCount" },
      errors: [400],
    }),
  },
  "/plans/{id}": {
    parameters: [idPath],
    get: operation({
      id: "getPlan",
      tag: "Plans",
      summary: "One plan with its settings",
      ok: { status: 200, description: "The plan.", schema: "Plan" },
      errors: [404],
    }),
    patch: operation({
      id: "updatePlanSettings",
      tag: "Plans",
      summary:
        "Change a plan's settings: title, period, time zone, reporting day and light thresholds (leaders and admins)",
      body: "PlanSettings",
      ok: { status: 200, description: "The plan with its new version.", schema: "Plan" },
      errors: [400, 403, 404],
      conflict: "Plan",
    }),
  },
});
