import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { messagesFor } from "@/lib/i18n/messages";
import { refusal } from "@/lib/testing/errors";

// parseBody names bad fields in the caller's language, through next-intl.
vi.mock("next-intl/server", () => {
  const lookup = (tree: unknown, key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
  return {
    getLocale: async () => "en",
    getTranslations: async () => (key: string) => String(lookup(messagesFor("en"), key)),
  };
});

const { isJsonRequest, parseBody, parseBodyWithFiles, unstorableTextPath } =
  await import("./parse");

const schema = z.object({ title: z.string(), tags: z.array(z.string()).optional() });
const messages = messagesFor("en").validation;

function post(body: BodyInit, contentType?: string) {
  return new Request("http://localhost/api/v1/x", {
    method: "POST",
    headers: contentType === undefined ? {} : { "content-type": contentType },
    body,
  });
}

describe("JSON bodies: content type", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    'Application/JSON; charset="UTF-8"',
    "application/merge-patch+json",
  ])("reads %s", async (type) => {
    expect(await parseBody(schema, post('{"title":"x"}', type))).toEqual({ title: "x" });
  });

  it.each([
    undefined,
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/xml",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=gbk",
    "application/jsonp",
  ])("refuses %s with 415, before reading it", async (type) => {
    const request = post('{"title":"x"}', type);
    expect((await refusal(parseBody(schema, request), "unsupported_media_type")).status).toBe(415);
    expect(request.bodyUsed).toBe(false);
  });

  it("tells JSON types apart from look-alikes", () => {
    const typed = (type: string) => isJsonRequest(post("{}", type));
    expect(typed("application/vnd.api+json")).toBe(true);
    expect(typed("text/json")).toBe(false);
    expect(typed("application/json+xml")).toBe(false);
  });
});

describe("JSON bodies: text no column should hold", () => {
  it("refuses bytes that are not UTF-8 as not JSON (400), not as text with � in it", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    const error = await refusal(parseBody(schema, post(bytes, "application/json")));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ _: messages.invalidJson });
  });

  it("refuses a lone surrogate or a NUL, naming the field (400)", async () => {
    const lone = await refusal(
      parseBody(schema, post('{"title":"a\\ud800b"}', "application/json")),
    );
    expect(lone.fields).toEqual({ title: messages.invalidText });
    const nul = await refusal(
      parseBody(schema, post('{"title":"ok","tags":["x","a\\u0000"]}', "application/json")),
    );
    expect(nul.fields).toEqual({ "tags.1": messages.invalidText });
  });

  it("keeps the Unicode people type: emoji, joiners, RTL marks, combining marks", async () => {
    const title = "👩‍👩‍👧 e\u0301 \u202Eabc \u200D 𠀀 \ufeff";
    expect(await parseBody(schema, post(JSON.stringify({ title }), "application/json"))).toEqual({
      title,
    });
  });

  it("names the multipart `data` field when its JSON holds such text", async () => {
    const form = new FormData();
    form.append("data", '{"title":"\\udfff"}');
    const request = new Request("http://localhost/x", { method: "POST", body: form });
    const error = await refusal(parseBodyWithFiles(schema, request));
    expect(error.fields).toEqual({ "data.title": messages.invalidText });
  });

  it("walks JSON nested far deeper than the call stack", () => {
    const depth = 200_000;
    const deep = JSON.parse("[".repeat(depth) + '"\\u0000"' + "]".repeat(depth)) as unknown;
    expect(unstorableTextPath(deep)).toHaveLength(depth);
    expect(unstorableTextPath({ a: [{ "\u0000": 1 }] })).toEqual(["a", "0", "_"]);
    expect(unstorableTextPath({ a: [1, null, true, "fine"] })).toBeNull();
  });
});
