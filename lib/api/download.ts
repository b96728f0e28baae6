import "server-only";
import { disposition } from "@/lib/attachments/serve";

/** Headers of a generated file offered for download under its (Chinese) name. */
function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": disposition(fileName, "attachment"),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** The response that offers a generated file for download under its (Chinese) name. */
export function downloadResponse(
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...downloadHeaders(fileName, contentType),
      "Content-Length": String(bytes.byteLength),
    },
  });
}

/**
 * The same for a file sent while it is being made (a large report): its length is not known
 * before the end, so there is no Content-Length and the body goes out chunked.
 */
export function streamedDownloadResponse(
  body: ReadableStream<Uint8Array>,
  fileName: string,
  contentType: string,
): Response {
  return new Response(body, { headers: downloadHeaders(fileName, contentType) });
}
