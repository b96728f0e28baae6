import "server-only";
import { readFile } from "node:fs/promises";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { storedPath } from "./storage";

/** `inline; filename="…"` with an ASCII fallback and the real (Chinese) name per RFC 6266. */
export function disposition(fileName: string, kind: "inline" | "attachment") {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * ! as they are; RFC 8187 allows only ! of them unencoded.
  const extended = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${extended}`;
}

/**
 * The response that serves a live attachment (or its thumbnail) to a signed-in user: its type as
 * found on upload, never sniffed again by the browser, named for download, and kept in the
 * browser's cache only with a check each time (office PCs are shared; a removed file must go).
 */
export async function attachmentResponse(
  id: number,
  variant: "original" | "thumbnail",
  options: { download?: boolean; ifNoneMatch?: string | null } = {},
): Promise<Response> {
  const row = getDb()
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sha256: attachments.sha256,
      storageKey: attachments.storageKey,
      thumbnailKey: attachments.thumbnailKey,
    })
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.removedAt)))
    .get();
  if (!row) throw notFound();
  const key = variant === "thumbnail" ? row.thumbnailKey : row.storageKey;
  if (!key) throw notFound();
  const etag = `"${row.sha256.slice(0, 32)}-${variant}"`;
  const caching = { "Cache-Control": "private, no-cache", ETag: etag };
  if (options.ifNoneMatch === etag) return new Response(null, { status: 304, headers: caching });
  const bytes = await readFile(storedPath(key)).catch(() => {
    throw notFound();
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...caching,
      "Content-Type": variant === "thumbnail" ? "image/jpeg" : row.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": disposition(row.fileName, options.download ? "attachment" : "inline"),
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
      // A picture is shown, never run. (A sandbox would also stop the browser's own PDF viewer.)
      ...(row.contentType === "application/pdf" || variant === "thumbnail"
        ? {}
        : { "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox" }),
    },
  });
}
