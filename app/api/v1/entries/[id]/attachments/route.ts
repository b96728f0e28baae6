import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseFiles, pathId } from "@/lib/api/parse";
import { addAttachments } from "@/lib/attachments/change-attachments";

type Params = { id: string };

/** POST /api/v1/entries/:id/attachments (multipart `files`) → 201 with the entry and its files. */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const entry = await addAttachments(user, pathId(params.id), await parseFiles(req));
  return NextResponse.json(entry, { status: 201 });
});
