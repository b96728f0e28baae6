import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, isOneOf } from "./columns";
import { progressEntries } from "./progress";
import { users } from "./users";

/** The file types evidence may be, told by content; the stored type is the one found. */
export const ATTACHMENT_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** 佐证材料: a photo or PDF attached to a progress entry, stored under the data folder. */
export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    entryId: integer("entry_id")
      .notNull()
      .references(() => progressEntries.id),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    /** The name the file had on the uploader's device, for display and download only. */
    fileName: text("file_name").notNull(),
    contentType: text("content_type", { enum: ATTACHMENT_TYPES }).notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** Path of the file under the attachments folder; never taken from the upload. */
    storageKey: text("storage_key").notNull(),
    /** Path of the JPEG thumbnail of an image; PDFs have none. */
    thumbnailKey: text("thumbnail_key"),
    width: integer("width"),
    height: integer("height"),
    /** Removed by its uploader: kept on disk and in the table, no longer shown or served. */
    removedAt: integer("removed_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index("attachments_entry_idx").on(t.entryId),
    check("attachments_type_check", isOneOf(t.contentType, ATTACHMENT_TYPES)),
    check("attachments_size_check", sql`${t.size} > 0`),
  ],
);
