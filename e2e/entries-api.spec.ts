import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { expect, signInByApi, test as base } from "./fixtures";
import { apiAs, createTask, me } from "./support/api";

// Tests run in parallel on one shared demo database: each one reports on a task of its own, owned
// by the cadre and archived afterwards, and never touches a seeded task. Entries are dated within
// the 2023 plan and before its last reported day (2023-11-24), so the demo's default as-of date
// stays where it is.
const DATE = "2023-11-20";

/** A 1 × 1 PNG that decodes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

interface Reading {
  indicatorId: number;
  name: string;
  unit: string;
  value: number;
  change: number | null;
}
interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
}
interface Entry {
  id: number;
  taskId: number;
  date: string;
  authorId: number;
  authorName: string;
  note: string;
  version: number;
  withdrawn: boolean;
  counts: boolean;
  lock: string | null;
  amendable: boolean;
  readings: Reading[];
  attachments: Attachment[];
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> } & Record<
    string,
    unknown
  >;
}

interface CadreTask {
  id: number;
  title: string;
  indicatorId: number;
  cadre: { id: number; unitId: number; name: string };
  /** The cadre's session (the page's). */
  request: APIRequestContext;
}

/**
 * `task`: a task made for the test by the leader, owned by the cadre and led by the cadre's unit,
 * with one count indicator (新增停车位, 0 → 200 个); the page is signed in as the cadre. The task
 * is archived when the test ends, passed or failed.
 */
const test = base.extend<{ task: CadreTask }>({
  task: async ({ page, browser }, use) => {
    await signInByApi(page.request, "cadre");
    const cadre = await me(page.request);
    const leader = await apiAs(browser, "leader");
    const created = (await createTask(leader.request, {
      title: unique("E2E 进展填报"),
      ownerId: cadre.id,
      leadUnitId: cadre.unitId,
      indicators: [{ name: "新增停车位", unit: "个", target: 200 }],
    })) as unknown as { id: number; title: string; indicators: { id: number }[] };
    await use({
      id: created.id,
      title: created.title,
      indicatorId: created.indicators[0]!.id,
      cadre,
      request: page.request,
    });
    const current = await (await leader.request.get(`/api/v1/tasks/${created.id}`)).json();
    const archived = await leader.request.patch(`/api/v1/tasks/${created.id}`, {
      data: { version: current.version, archived: true },
    });
    expect(archived.status()).toBe(200);
    await leader.close();
  },
});

const entriesOf = async (request: APIRequestContext, taskId: number) => {
  const response = await request.get(`/api/v1/tasks/${taskId}/entries`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Entry[] }).items;
};

const taskOf = async (request: APIRequestContext, taskId: number) => {
  const response = await request.get(`/api/v1/tasks/${taskId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    progress: number;
    indicators: { id: number; current: number | null; progress: number }[];
  };
};

/** Posts a JSON entry with one reading and expects it saved. */
async function report(task: CadreTask, value: number, note = "完成一批停车位划线") {
  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: { date: DATE, note, readings: [{ indicatorId: task.indicatorId, value }] },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Entry;
}

test("a cadre reports a reading: the entry lists first and the task's progress follows", async ({
  task,
}) => {
  const before = await taskOf(task.request, task.id);
  expect(before.progress).toBe(0);
  expect(before.indicators[0]).toMatchObject({ id: task.indicatorId, current: null });

  const older = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: {
      date: "2023-11-01",
      note: "完成选址",
      readings: [{ indicatorId: task.indicatorId, value: 20 }],
    },
  });
  expect(older.status()).toBe(201);

  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: {
      date: DATE,
      note: "新增停车位划线完成一批",
      problems: "部分路段需交警审批",
      nextSteps: "继续推进",
      readings: [{ indicatorId: task.indicatorId, value: 50 }],
    },
  });
  expect(response.status()).toBe(201);
  const entry = (await response.json()) as Entry;
  expect(entry).toMatchObject({
    taskId: task.id,
    date: DATE,
    authorId: task.cadre.id,
    authorName: task.cadre.name,
    note: "新增停车位划线完成一批",
    problems: "部分路段需交警审批",
    nextSteps: "继续推进",
    percent: null,
    reviewStatus: "pending",
    version: 1,
    withdrawn: false,
    counts: true,
    lock: null,
    readings: [
      { indicatorId: task.indicatorId, name: "新增停车位", unit: "个", value: 50, change: 30 },
    ],
    attachments: [],
  });
  // The author's own new entry is theirs to edit, as the same entry read back says. (Soft, so the
  // checks below still run when the 201 disagrees with the read-back.)
  const readBack = await task.request.get(`/api/v1/entries/${entry.id}`);
  expect(readBack.status()).toBe(200);
  expect(await readBack.json()).toMatchObject({ id: entry.id, amendable: true });
  expect(entry.amendable, "the 201's amendable, for its author").toBe(true);

  const items = await entriesOf(task.request, task.id);
  expect(items.map((e) => e.id)).toEqual([entry.id, ((await older.json()) as Entry).id]);
  expect(items[0]).toMatchObject({
    id: entry.id,
    amendable: true,
    readings: [{ indicatorId: task.indicatorId, value: 50, change: 30 }],
  });
  expect(items[1]!.readings).toEqual([expect.objectContaining({ value: 20, change: null })]);

  const after = await taskOf(task.request, task.id);
  expect(after.indicators[0]).toMatchObject({ id: task.indicatorId, current: 50 });
  expect(after.indicators[0]!.progress).toBeCloseTo(0.25);
  expect(after.progress).toBeCloseTo(0.25);
});

test("a negative count is refused by field and nothing is stored", async ({ task }) => {
  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: { date: DATE, note: "误填", readings: [{ indicatorId: task.indicatorId, value: -5 }] },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("validation_failed");
  expect(Object.keys(body.error.fields ?? {})).toEqual(["readings.0.value"]);
  expect(body.error.fields!["readings.0.value"]).toBe("该指标的数值不能为负数");

  expect(await entriesOf(task.request, task.id)).toEqual([]);
  const detail = await taskOf(task.request, task.id);
  expect(detail.indicators[0]!.current).toBeNull();
});

test("a date before the plan starts is refused by field", async ({ task }) => {
  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: {
      date: "2022-12-31",
      note: "去年的进展",
      readings: [{ indicatorId: task.indicatorId, value: 10 }],
    },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.fields).toEqual({ date: "填报日期不能早于计划开始日期" });
  expect(await entriesOf(task.request, task.id)).toEqual([]);
});

test("a cadre of another community may not report on the task", async ({ task, browser }) => {
  const stranger = await apiAs(browser, "wenchao");
  const response = await stranger.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: {
      date: DATE,
      note: "越权填报",
      readings: [{ indicatorId: task.indicatorId, value: 10 }],
    },
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as ErrorBody).error.code).toBe("forbidden");
  // Reading is open to every signed-in user.
  expect(await entriesOf(stranger.request, task.id)).toEqual([]);
  await stranger.close();
});

test("an entry with a PNG: the file is served as PNG, never sniffed, with a JPEG thumbnail", async ({
  task,
  request,
}) => {
  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    multipart: {
      data: JSON.stringify({
        date: DATE,
        note: "现场照片见附件",
        readings: [{ indicatorId: task.indicatorId, value: 40 }],
      }),
      files: { name: "现场照片.png", mimeType: "image/png", buffer: PNG },
    },
  });
  expect(response.status()).toBe(201);
  const entry = (await response.json()) as Entry;
  expect(entry.readings).toEqual([expect.objectContaining({ value: 40 })]);
  expect(entry.attachments).toEqual([
    {
      id: expect.any(Number),
      fileName: "现场照片.png",
      contentType: "image/png",
      size: PNG.length,
      width: 1,
      height: 1,
      hasThumbnail: true,
    },
  ]);
  const attachment = entry.attachments[0]!;
  const listed = await entriesOf(task.request, task.id);
  expect(listed[0]!.attachments).toEqual([attachment]);

  const file = await task.request.get(`/api/v1/attachments/${attachment.id}`);
  expect(file.status()).toBe(200);
  const headers = file.headers();
  expect(headers["content-type"]).toBe("image/png");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-disposition"]).toBe(
    `inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent("现场照片.png")}`,
  );
  expect(Buffer.from(await file.body()).equals(PNG)).toBe(true);

  const download = await task.request.get(`/api/v1/attachments/${attachment.id}?download=1`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="/);

  const thumbnail = await task.request.get(`/api/v1/attachments/${attachment.id}/thumbnail`);
  expect(thumbnail.status()).toBe(200);
  expect(thumbnail.headers()["content-type"]).toBe("image/jpeg");
  expect(thumbnail.headers()["x-content-type-options"]).toBe("nosniff");
  expect([...(await thumbnail.body()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  // The `request` fixture has no session.
  for (const path of [
    `/api/v1/attachments/${attachment.id}`,
    `/api/v1/attachments/${attachment.id}/thumbnail`,
  ]) {
    const anonymous = await request.get(path);
    expect(anonymous.status(), path).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code, path).toBe("unauthorized");
  }
});

test("evidence is added to and removed from an open entry by its author only", async ({
  task,
  browser,
}) => {
  const entry = await report(task, 60);

  const notMultipart = await task.request.post(`/api/v1/entries/${entry.id}/attachments`, {
    data: { files: [] },
  });
  expect(notMultipart.status()).toBe(415);
  expect(((await notMultipart.json()) as ErrorBody).error.code).toBe("unsupported_media_type");

  const added = await task.request.post(`/api/v1/entries/${entry.id}/attachments`, {
    multipart: { files: { name: "补充照片.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(added.status()).toBe(201);
  const withFile = (await added.json()) as Entry;
  expect(withFile).toMatchObject({ id: entry.id, amendable: true });
  expect(withFile.attachments).toEqual([
    expect.objectContaining({ fileName: "补充照片.png", contentType: "image/png" }),
  ]);
  const attachment = withFile.attachments[0]!;

  const stranger = await apiAs(browser, "wenchao");
  const refused = await stranger.request.delete(`/api/v1/attachments/${attachment.id}`);
  expect(refused.status()).toBe(403);
  const strangerAdds = await stranger.request.post(`/api/v1/entries/${entry.id}/attachments`, {
    multipart: { files: { name: "别人的.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(strangerAdds.status()).toBe(403);
  await stranger.close();

  const removed = await task.request.delete(`/api/v1/attachments/${attachment.id}`);
  expect(removed.status()).toBe(200);
  expect(await removed.json()).toMatchObject({ id: entry.id, attachments: [] });
  const gone = await task.request.get(`/api/v1/attachments/${attachment.id}`);
  expect(gone.status()).toBe(404);
  expect(((await gone.json()) as ErrorBody).error.code).toBe("not_found");
  expect((await entriesOf(task.request, task.id))[0]!.attachments).toEqual([]);
});

test("a text file named x.png is refused as files.0 and nothing is stored", async ({ task }) => {
  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, {
    multipart: {
      data: JSON.stringify({
        date: DATE,
        note: "附件不是图片",
        readings: [{ indicatorId: task.indicatorId, value: 10 }],
      }),
      files: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("not a picture\n") },
    },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("validation_failed");
  expect(Object.keys(body.error.fields ?? {})).toEqual(["files.0"]);

  expect(await entriesOf(task.request, task.id)).toEqual([]);
  expect((await taskOf(task.request, task.id)).indicators[0]!.current).toBeNull();
});

test("an edit based on a stale version is a 409 with the entry as it is", async ({ task }) => {
  const entry = await report(task, 30);
  const edited = await task.request.patch(`/api/v1/entries/${entry.id}`, {
    data: { version: entry.version, note: "补充：已完成划线 30 个" },
  });
  expect(edited.status()).toBe(200);
  expect(await edited.json()).toMatchObject({
    id: entry.id,
    version: entry.version + 1,
    note: "补充：已完成划线 30 个",
  });

  const stale = await task.request.patch(`/api/v1/entries/${entry.id}`, {
    data: { version: entry.version, note: "旧版本上的修改", readings: [] },
  });
  expect(stale.status()).toBe(409);
  const body = (await stale.json()) as ErrorBody;
  expect(body.error).toMatchObject({
    code: "conflict",
    current: { id: entry.id, version: entry.version + 1, note: "补充：已完成划线 30 个" },
    changedBy: { id: task.cadre.id, name: task.cadre.name },
    changedAt: expect.any(String),
  });

  const [saved] = await entriesOf(task.request, task.id);
  expect(saved).toMatchObject({
    version: entry.version + 1,
    note: "补充：已完成划线 30 个",
    readings: [{ indicatorId: task.indicatorId, value: 30 }],
  });
});

test("a withdrawn entry stays listed, counts no more, and is closed to changes", async ({
  task,
}) => {
  const entry = await report(task, 80);
  expect((await taskOf(task.request, task.id)).progress).toBeCloseTo(0.4);

  const response = await task.request.delete(
    `/api/v1/entries/${entry.id}?version=${entry.version}`,
  );
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    id: entry.id,
    withdrawn: true,
    counts: false,
    lock: "withdrawn",
    amendable: false,
    version: entry.version + 1,
  });

  const items = await entriesOf(task.request, task.id);
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ id: entry.id, withdrawn: true });

  const detail = await taskOf(task.request, task.id);
  expect(detail.progress).toBe(0);
  expect(detail.indicators[0]).toMatchObject({ current: null, progress: 0 });

  // Withdrawn is final: another withdrawal or an edit is a 409 naming why.
  const again = await task.request.delete(
    `/api/v1/entries/${entry.id}?version=${entry.version + 1}`,
  );
  expect(again.status()).toBe(409);
  const body = (await again.json()) as ErrorBody;
  expect(body.error.code).toBe("conflict");
  expect(Object.keys(body.error.fields ?? {})).toEqual(["_"]);
});

test("an entry with more than 10 MB of evidence in one request arrives whole", async ({ task }) => {
  // Two photos of about 6 MB: together past the 10 MB a proxied body would be cut at.
  const photo = async () =>
    sharp(randomBytes(1400 * 1400 * 3), { raw: { width: 1400, height: 1400, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
  const [first, second] = await Promise.all([photo(), photo()]);
  expect(first.length + second.length).toBeGreaterThan(10 * 1024 * 1024);
  const form = new FormData();
  form.append("data", JSON.stringify({ date: DATE, note: "两张大照片" }));
  form.append("files", new Blob([new Uint8Array(first)], { type: "image/png" }), "一.png");
  form.append("files", new Blob([new Uint8Array(second)], { type: "image/png" }), "二.png");
  const response = await task.request.post(`/api/v1/tasks/${task.id}/entries`, { multipart: form });
  expect(response.status()).toBe(201);
  const entry = (await response.json()) as Entry;
  expect(entry.attachments.map((a) => [a.fileName, a.size])).toEqual([
    ["一.png", first.length],
    ["二.png", second.length],
  ]);
  const served = await task.request.get(`/api/v1/attachments/${entry.attachments[1]!.id}`);
  expect(Buffer.from(await served.body()).equals(second)).toBe(true);
});

test("the upload routes, which the proxy does not see, still refuse anonymous calls", async ({
  task,
  request,
}) => {
  const entries = await request.post(`/api/v1/tasks/${task.id}/entries`, {
    multipart: { data: JSON.stringify({ date: DATE, note: "匿名" }) },
  });
  expect(entries.status()).toBe(401);
  expect(((await entries.json()) as ErrorBody).error.code).toBe("unauthorized");
  const listed = await request.get(`/api/v1/tasks/${task.id}/entries`);
  expect(listed.status()).toBe(401);
  const entry = await report(task, 10);
  const attach = await request.post(`/api/v1/entries/${entry.id}/attachments`, {
    multipart: { files: { name: "匿名.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(attach.status()).toBe(401);
  const after = await task.request.get(`/api/v1/entries/${entry.id}`);
  expect(((await after.json()) as Entry).attachments).toEqual([]);
});
