import { z } from "zod";
import { optionalText } from "@/lib/validation";

export const MAX_URGE_MESSAGE_LENGTH = 200;

/** `POST /api/v1/tasks/:id/urges`: one click, with an optional message. */
export const urgeCreateSchema = z.object({
  message: optionalText(MAX_URGE_MESSAGE_LENGTH).optional(),
});
