import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { progressEntries } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";

/**
 * For handlers, before they read a body: anyone but the entry's author is refused (403) whatever
 * they sent; 404 for no such entry (entries are no secret: every signed-in user reads the plan).
 * The change itself checks again inside its transaction.
 */
export function authorizeEntryAuthor(actor: Actor, entryId: number): void {
  const entry = getDb()
    .select({ authorId: progressEntries.authorId })
    .from(progressEntries)
    .where(eq(progressEntries.id, entryId))
    .get();
  if (!entry) throw notFound();
  authorize(actor, "entry:amend", entry);
}
