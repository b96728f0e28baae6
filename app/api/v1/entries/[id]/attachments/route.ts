import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseFiles, pathId } from "@/lib/api/parse";
import { addAttachments } from "@/lib/attachments/change-attachments";
import { authorizeEntryAuthor } from "@/lib/entries/authorize-author";

type Params = { id: string };

/** POST /api/v1/entries/:id/attachments (multipart `files`) → 201 with the entry and its files. */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  authorizeEntryAuthor(user, id); // 403 before a byte of the files is read
  const entry = await addAttachments(user, id, await parseFiles(req));
  return NextResponse.json(entry, { status: 201 });
});
