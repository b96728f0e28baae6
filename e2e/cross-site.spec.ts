import { expect, signInByApi, test } from "./fixtures";
import { apiAs, createTask, me, taskEntries } from "./support/api";
import { failure } from "./support/responses";

// Issue #8 part 4: a state-changing API call sent by another site's page is refused (403
// forbidden_origin) and writes nothing — also on the upload routes, which proxy.ts does not see.
// A call without Origin (scripts, this suite's API helpers) and one from our own origin pass.
const EVIL = "https://evil.example";

test("a write from another site is refused and writes nothing; our own origin works", async ({
  browser,
  baseURL,
}) => {
  const leader = await apiAs(browser, "leader");
  const cadre = await apiAs(browser, "cadre");
  const owner = await me(cadre.request);
  const task = await createTask(leader.request, {
    title: `E2E 跨站 ${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    ownerId: owner.id,
    leadUnitId: owner.unitId,
  });
  try {
    const instructions = `/api/v1/tasks/${task.id}/instructions`;
    const refused = await failure(
      await leader.request.post(instructions, {
        data: { text: "跨站伪造的批示" },
        headers: { Origin: EVIL },
      }),
      403,
      "forbidden_origin",
    );
    expect(refused.error.message).toContain("其他网站");
    // The browser's own mark is enough, Origin or not.
    await failure(
      await leader.request.post(instructions, {
        data: { text: "跨站伪造的批示" },
        headers: { "Sec-Fetch-Site": "cross-site" },
      }),
      403,
      "forbidden_origin",
    );
    // PATCH and DELETE too; a task's change is refused before its version is even looked at.
    await failure(
      await leader.request.patch(`/api/v1/tasks/${task.id}`, {
        data: { version: task.version, title: "被篡改" },
        headers: { Origin: EVIL },
      }),
      403,
      "forbidden_origin",
    );
    // An upload route (multipart, outside the proxy).
    await failure(
      await cadre.request.post(`/api/v1/tasks/${task.id}/entries`, {
        multipart: { data: JSON.stringify({ date: "2023-11-20", note: "跨站伪造", percent: 10 }) },
        headers: { Origin: EVIL },
      }),
      403,
      "forbidden_origin",
    );

    const listed = await leader.request.get(instructions);
    expect(listed.status()).toBe(200);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
    const after = await (await leader.request.get(`/api/v1/tasks/${task.id}`)).json();
    expect(after).toMatchObject({ title: task.title, version: task.version });
    expect(await taskEntries(cadre.request, task.id)).toEqual([]);

    // Reads stay open to a cross-site GET (they change nothing; SameSite=Lax guards the cookie).
    const read = await leader.request.get(instructions, { headers: { Origin: EVIL } });
    expect(read.status()).toBe(200);

    // The app's own origin, as its pages send it.
    const own = await leader.request.post(instructions, {
      data: { text: "本站页面发出的批示" },
      headers: { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" },
    });
    expect(own.status()).toBe(201);
  } finally {
    const current = await (await leader.request.get(`/api/v1/tasks/${task.id}`)).json();
    await leader.request.patch(`/api/v1/tasks/${task.id}`, {
      data: { version: current.version, archived: true },
    });
    await leader.close();
    await cadre.close();
  }
});

test("a write from the app's own page passes: the browser sends our Origin", async ({
  page,
  browser,
  baseURL,
}) => {
  const leader = await apiAs(browser, "leader");
  const cadre = await apiAs(browser, "cadre");
  const owner = await me(cadre.request);
  await cadre.close();
  const task = await createTask(leader.request, {
    title: `E2E 本站 ${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    ownerId: owner.id,
    leadUnitId: owner.unitId,
  });
  try {
    await signInByApi(page.request, "leader");
    await page.goto(`/tasks/${task.id}`);
    const sent = page.waitForRequest((request) => request.method() === "POST");
    const status = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/tasks/${id}/instructions`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "本站页面发出的批示" }),
      });
      return response.status;
    }, task.id);
    const headers = await (await sent).allHeaders();
    expect(headers["origin"]).toBe(new URL(baseURL!).origin);
    expect(status).toBe(201);
  } finally {
    const current = await (await leader.request.get(`/api/v1/tasks/${task.id}`)).json();
    await leader.request.patch(`/api/v1/tasks/${task.id}`, {
      data: { version: current.version, archived: true },
    });
    await leader.close();
  }
});
