import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorizeInstructionAnswer } from "@/lib/instructions/authorize-answer";
import { instructionAckSchema } from "@/lib/instructions/schemas";
import { answerInstruction } from "@/lib/instructions/write";

type Params = { id: string };

/** POST /api/v1/instructions/:id/ack `{ reply? }` → the instruction, acknowledged (and answered). */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  authorizeInstructionAnswer(user, id); // 403 before a word of the body is read
  return answerInstruction(user, id, await parseBody(instructionAckSchema, req));
});
