/**
 * Sending hostile requests and judging the answers: never a 5xx; an error answer is the API's
 * JSON error; and a refused request leaves every table as it was.
 */
import http from "node:http";
import { expect, type APIRequestContext } from "@playwright/test";
import { fingerprintChange, type Fingerprint } from "./fingerprint";
import { describeRequest, type HostileRequest } from "./requests";

export interface Answer {
  status: number;
  text: string;
}

export async function send(context: APIRequestContext, request: HostileRequest): Promise<Answer> {
  let multipart: FormData | undefined;
  if (request.multipart) {
    multipart = new FormData();
    for (const [key, value] of request.multipart.text) multipart.append(key, value);
    for (const [key, file] of request.multipart.files) {
      multipart.append(
        key,
        new File([new Uint8Array(file.buffer)], file.name, { type: file.mimeType }),
      );
    }
  }
  const response = await context.fetch(request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.data !== undefined ? { data: request.data } : {}),
    ...(multipart ? { multipart } : {}),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

/** Expects an answer to be no 5xx, and an error answer to be `{ error: { code, message, fields? } }`. */
export function expectWellFormed(answer: Answer, what: string) {
  expect(answer.status, `${what} → ${answer.status} ${answer.text.slice(0, 500)}`).toBeLessThan(
    500,
  );
  if (answer.status < 400) return;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`${what} → ${answer.status}, not JSON: ${answer.text.slice(0, 300)}`);
  }
  const error = (body as { error?: Record<string, unknown> }).error;
  expect(typeof error?.code, `${what}: error.code in ${answer.text.slice(0, 300)}`).toBe("string");
  expect(typeof error?.message, `${what}: error.message`).toBe("string");
  if (error?.fields !== undefined) {
    expect(
      Object.values(error.fields as object).every((m) => typeof m === "string"),
      `${what}: fields`,
    ).toBe(true);
  }
}

/** Runs one request between two fingerprints: a refusal (any non-2xx) must have changed nothing. */
export async function judge(
  fingerprint: () => Fingerprint,
  request: HostileRequest,
  sendIt: () => Promise<Answer>,
): Promise<Answer> {
  const before = fingerprint();
  const answer = await sendIt();
  const what = describeRequest(request);
  expectWellFormed(answer, what);
  if (answer.status >= 300) {
    const change = fingerprintChange(before, fingerprint());
    expect(
      change,
      `${what} → ${answer.status} ${answer.text.slice(0, 200)}, yet wrote: ${change}`,
    ).toBe("");
  }
  return answer;
}

/** The session cookie of a signed-in context, for requests sent past Playwright. */
export async function cookieHeader(context: APIRequestContext): Promise<string> {
  const { cookies } = await context.storageState();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

type RawRequest = {
  baseURL: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  total: number;
  chunk: Buffer;
  declare: boolean;
};

/**
 * Sends `total` bytes of `chunk` repeated, with a Content-Length (`declare`) or chunked, and stops
 * writing once the server has answered: a server that refuses a body past its limit answers
 * before the rest arrives. Resolves with the answer.
 *
 * A server refusing a body past its limit answers, then closes a connection the client is still
 * writing to. When the close overtakes the answer on a busy machine, the client only sees EPIPE
 * or ECONNRESET; the request is sent again then (a refusal writes nothing, and `judge` checks the
 * database after the last try), at most three times in all.
 */
export async function sendRaw(options: RawRequest): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendRawOnce(options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== "EPIPE" && code !== "ECONNRESET")) throw error;
    }
  }
}

function sendRawOnce(options: RawRequest): Promise<Answer> {
  const url = new URL(options.path, options.baseURL);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, {
      agent: false,
      method: options.method,
      headers: {
        ...options.headers,
        ...(options.declare
          ? { "Content-Length": String(options.total) }
          : { "Transfer-Encoding": "chunked" }),
      },
    });
    req.on("response", (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString() });
        req.destroy();
      });
    });
    // Writes after the answer may fail (the server closed its side): only the answer matters.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    void (async () => {
      let sent = 0;
      while (sent < options.total && !answered && !req.destroyed) {
        const part = options.chunk.subarray(
          0,
          Math.min(options.chunk.length, options.total - sent),
        );
        sent += part.length;
        // Let an answer that has arrived be read before writing more.
        await new Promise((resolve) => setImmediate(resolve));
        if (!req.write(part)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              req.off("drain", done);
              req.off("close", done);
              resolve();
            };
            req.on("drain", done);
            req.on("close", done);
          });
        }
      }
      if (!answered && !req.destroyed) req.end();
    })();
  });
}
