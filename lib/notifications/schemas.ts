import { z } from "zod";
import { idValue } from "@/lib/validation";

/** `POST /api/v1/notifications/read`: some messages by id, or all of them. */
export const markReadSchema = z.union(
  [
    z.object({
      ids: z
        .array(idValue, { error: "validation.invalidChoice" })
        .min(1, { error: "validation.required" })
        .max(200, { error: "validation.tooMany" }),
    }),
    z.object({ all: z.literal(true, { error: "validation.invalidChoice" }) }),
  ],
  { error: "validation.invalidChoice" },
);
