import { z } from "zod";
import { REVIEW_STATUSES } from "@/db/schema/progress";
import { idParam, idValue, optionalText, versionValue } from "@/lib/validation";

export const REVIEW_DECISIONS = ["approve", "return"] as const;
export const MAX_REASON_LENGTH = 500;
export const MAX_BULK_APPROVE = 100;

/** `POST /api/v1/entries/:id/review`: a return needs its reason, for the author to act on. */
export const reviewSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { error: "validation.invalidChoice" }),
    reason: optionalText(MAX_REASON_LENGTH).optional(),
    version: versionValue.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "return" && !input.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "validation.returnNeedsReason" });
    }
  });
export type ReviewInput = z.output<typeof reviewSchema>;

/** One entry to approve in bulk, at the version the leader saw (its content as shown). */
export const bulkApproveItemSchema = z.object({
  id: idValue,
  version: versionValue,
});
export type BulkApproveItem = z.output<typeof bulkApproveItemSchema>;

/**
 * `POST /api/v1/reviews/approve`: routine entries approved together, all or none, each at the
 * version the leader saw (an entry changed since is a 409: it is not approved unseen).
 */
export const bulkApproveSchema = z.object({
  items: z
    .array(bulkApproveItemSchema, { error: "validation.invalidChoice" })
    .min(1, { error: "validation.required" })
    .max(MAX_BULK_APPROVE, { error: "validation.tooMany" })
    .superRefine((items, ctx) => {
      const seen = new Set<number>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: "custom", path: [i, "id"], message: "validation.duplicateEntry" });
        }
        seen.add(item.id);
      });
    }),
});
export type BulkApproveInput = z.output<typeof bulkApproveSchema>;

/** `GET /api/v1/reviews`: the queue (pending by default), of the leader's own themes or of all. */
export const reviewQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES, { error: "validation.invalidChoice" }).optional(),
  scope: z.enum(["mine", "all"], { error: "validation.invalidChoice" }).optional(),
  planId: idParam.optional(),
});
export type ReviewQuery = z.output<typeof reviewQuerySchema>;
