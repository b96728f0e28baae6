import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_REQUEST_BYTES, parseFiles } from "./parse";

/** A multipart request whose body streams `total` bytes with no Content-Length (chunked). */
function streamedUpload(total: number): Request {
  const chunk = new Uint8Array(1024 * 1024);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += part.length;
      controller.enqueue(part);
    },
  });
  return new Request("http://localhost/api/v1/entries/1/attachments", {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("upload bodies", () => {
  it("refuses a body past the limit with 413 even when it says no length", async () => {
    const refused = await parseFiles(streamedUpload(MAX_UPLOAD_REQUEST_BYTES + 1)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(413);
  });

  it("refuses at once a body whose stated length is past the limit", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_UPLOAD_REQUEST_BYTES + 1),
      },
      body: "--x--",
    });
    await expect(parseFiles(request)).rejects.toMatchObject({ status: 413 });
  });

  it("reads the files of a body within the limit", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array([1, 2, 3])]), "a.pdf");
    form.append("files", new Blob([new Uint8Array([4])]), "b.pdf");
    const files = await parseFiles(
      new Request("http://localhost/x", { method: "POST", body: form }),
    );
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ["a.pdf", 3],
      ["b.pdf", 1],
    ]);
  });
});
