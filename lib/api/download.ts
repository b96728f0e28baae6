import "server-only";
import { disposition } from "@/lib/attachments/serve";

/** The response that offers a generated file for download under its (Chinese) name. */
export function downloadResponse(
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": disposition(fileName, "attachment"),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
