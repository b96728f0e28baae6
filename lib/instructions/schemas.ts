import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";

export const MAX_INSTRUCTION_LENGTH = 1000;
export const MAX_REPLY_LENGTH = 2000;

/** `POST /api/v1/tasks/:id/instructions`. */
export const instructionCreateSchema = z.object({ text: requiredText(MAX_INSTRUCTION_LENGTH) });

/** `POST /api/v1/instructions/:id/ack`: 签收, with the answer (办理情况) now or later. */
export const instructionAckSchema = z.object({
  reply: optionalText(MAX_REPLY_LENGTH).optional(),
});
export type InstructionAckInput = z.output<typeof instructionAckSchema>;

/** `GET /api/v1/instructions`: those waiting for the caller's answer (default), or those they wrote. */
export const instructionListQuerySchema = z.object({
  box: z.enum(["received", "sent"], { error: "validation.invalidChoice" }).optional(),
});
