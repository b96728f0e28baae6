import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { instructionAckSchema } from "@/lib/instructions/schemas";
import { answerInstruction } from "@/lib/instructions/write";

type Params = { id: string };

/** POST /api/v1/instructions/:id/ack `{ reply? }` → the instruction, acknowledged (and answered). */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  return answerInstruction(user, id, await parseBody(instructionAckSchema, req));
});
