import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getTask } from "@/lib/tasks/queries";
import { idParam } from "@/lib/validation";

/** Turns a page's `[id]` into its task, or the 404 page for a malformed or unknown id. */
export async function taskOr404(params: Promise<{ id: string }>) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  return getTask(id.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}
