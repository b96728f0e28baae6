import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { signInByApi } from "../fixtures";
import { openAuditReader, type AuditReader } from "./audit-db";

/**
 * The people and things a permission or audit spec works on, all of its own making (the demo
 * database is shared with specs running in parallel): two units, a cadre in each, a leader and an
 * admin, signed in once each; a plan of a far year whose period is 2021 (over, so its months can
 * be published), a theme, a task owned by the first cadre and led by their unit, with an indicator,
 * and an entry of theirs with a picture attached. Fresh things for writes that change or delete
 * come from the `new…` helpers.
 */

export const ACTORS = ["anonymous", "cadreOwn", "cadreOther", "leader", "admin"] as const;
export type ActorName = (typeof ACTORS)[number];
export type PersonName = Exclude<ActorName, "anonymous">;

export interface Person {
  id: number;
  username: string;
  unitId: number;
  request: APIRequestContext;
}

/** A 1 × 1 PNG that decodes (it gets a thumbnail). */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
export const pngFile = () => ({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });

export const NEW_PASSWORD = "Lantern-River-58";
/** Entries are dated in the plan's last month; published months stay before it. */
export const ENTRY_DATE = "2021-12-20";
export const PERIOD = { startDate: "2021-01-01", endDate: "2021-12-31" };

export const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const username = (prefix: string) => `${prefix}.${stamp()}`.slice(0, 32);

export async function body<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** A request context of its own on `baseURL`: same-origin, as the app's own pages call the API. */
export function newContext(baseURL: string) {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

export interface Entry {
  id: number;
  version: number;
  attachments: { id: number }[];
}

export class World {
  readonly people = {} as Record<PersonName, Person>;
  anonymous!: APIRequestContext;
  demoAdmin!: APIRequestContext;
  unitOwn!: number;
  unitOther!: number;
  unitOtherName!: string;
  planId!: number;
  projectId!: number;
  taskId!: number;
  indicatorId!: number;
  entry!: Entry;
  readonly db: AuditReader;
  private contexts: APIRequestContext[] = [];
  private usedYears = new Set<number>();
  private month = 1;
  private sharedPublished = false;

  constructor(
    readonly baseURL: string,
    databaseFile: string,
    /** On a server of the spec's own: it may switch the current plan. */
    readonly ownServer = false,
  ) {
    this.db = openAuditReader(databaseFile);
  }

  async context() {
    const context = await newContext(this.baseURL);
    this.contexts.push(context);
    return context;
  }

  static async create(baseURL: string, databaseFile: string, ownServer = false) {
    const w = new World(baseURL, databaseFile, ownServer);
    await w.setUp();
    return w;
  }

  private async setUp() {
    this.anonymous = await this.context();
    this.demoAdmin = await this.context();
    await signInByApi(this.demoAdmin, "admin");
    this.unitOwn = (await this.newUnit()).id;
    const other = await this.newUnit();
    this.unitOther = other.id;
    this.unitOtherName = other.name;
    const roles: [PersonName, string, number][] = [
      ["cadreOwn", "cadre", this.unitOwn],
      ["cadreOther", "cadre", this.unitOther],
      ["leader", "leader", this.unitOther],
      ["admin", "admin", this.unitOther],
    ];
    await Promise.all(
      roles.map(async ([name, role, unitId]) => {
        const user = await this.newUser(role, unitId, this.demoAdmin);
        this.people[name] = { ...user, unitId, request: await this.signInChanged(user) };
      }),
    );
    const { leader, admin, cadreOwn } = this.people;
    this.planId = (
      await body<{ id: number }>(
        await admin.request.post("/api/v1/plans", {
          data: { year: this.freeYear(), title: `E2E 权限矩阵 ${stamp()}`, ...PERIOD },
        }),
        201,
      )
    ).id;
    this.projectId = (
      await body<{ id: number }>(
        await leader.request.post("/api/v1/projects", {
          data: { planId: this.planId, title: `E2E 权限板块 ${stamp()}` },
        }),
        201,
      )
    ).id;
    this.taskId = (await this.newTask()).id;
    const task = await body<{ indicators: { id: number }[] }>(
      await cadreOwn.request.get(`/api/v1/tasks/${this.taskId}`),
      200,
    );
    this.indicatorId = task.indicators[0]!.id;
    this.entry = await this.newEntry(true);
  }

  /** Signs a new user in with their one-time password, sets a new one, signs in again with it. */
  async signInChanged(user: { username: string; temporaryPassword: string }) {
    const first = await this.context();
    await signInByApi(first, user.username, user.temporaryPassword);
    await body(
      await first.post("/api/v1/me/password", {
        data: { currentPassword: user.temporaryPassword, newPassword: NEW_PASSWORD },
      }),
      200,
    );
    const context = await this.context();
    await signInByApi(context, user.username, NEW_PASSWORD);
    return context;
  }

  /** A year no plan has, in the far range other specs pick from with retries (2100–2599). */
  freeYear() {
    const taken = this.db.planYears();
    for (;;) {
      const year = 2100 + Math.floor(Math.random() * 500);
      if (!taken.has(year) && !this.usedYears.has(year)) {
        this.usedYears.add(year);
        return year;
      }
    }
  }

  /** The next month of the plan no one has published (February on; January is `publishedMonth`). */
  nextMonth() {
    this.month += 1;
    expect(this.month, "months of 2021 left to publish").toBeLessThanOrEqual(11);
    return `2021-${String(this.month).padStart(2, "0")}`;
  }

  /** January, published once by the leader: a month refused reopeners try to reopen. */
  async publishedMonth() {
    if (!this.sharedPublished) {
      await this.publish("2021-01");
      this.sharedPublished = true;
    }
    return "2021-01";
  }

  async publish(month: string) {
    await body(
      await this.people.leader.request.post("/api/v1/reports/monthly/publish", {
        data: { planId: this.planId, month },
      }),
      200,
    );
  }

  async newUnit() {
    const name = `E2E 权限单位 ${stamp()}`;
    const unit = await body<{ id: number }>(
      await (this.people.admin?.request ?? this.demoAdmin).post("/api/v1/units", {
        data: { name, type: "other" },
      }),
      201,
    );
    return { id: unit.id, name };
  }

  async newUser(role: string, unitId = this.unitOwn, as = this.people.admin?.request) {
    const name = username(`e2e.${role}`);
    const created = await body<{ id: number; temporaryPassword: string }>(
      await as!.post("/api/v1/users", {
        data: { username: name, displayName: `权限${role}${stamp()}`.slice(0, 50), unitId, role },
      }),
      201,
    );
    return { id: created.id, username: name, temporaryPassword: created.temporaryPassword };
  }

  async newPlan() {
    return body<{ id: number }>(
      await this.people.admin.request.post("/api/v1/plans", {
        data: { year: this.freeYear(), title: `E2E 权限计划 ${stamp()}` },
      }),
      201,
    );
  }

  /** A task of the plan owned by the own-unit cadre and led by their unit, with one indicator. */
  async newTask() {
    return body<{ id: number; version: number }>(
      await this.people.leader.request.post("/api/v1/tasks", {
        data: {
          projectId: this.projectId,
          title: `E2E 权限任务 ${stamp()}`,
          ownerId: this.people.cadreOwn.id,
          leadUnitId: this.unitOwn,
          ...{ startDate: PERIOD.startDate, dueDate: PERIOD.endDate },
          indicators: [{ name: "新增点位", unit: "个", target: 100 }],
        },
      }),
      201,
    );
  }

  /** An entry by the own-unit cadre on the task (with a picture when asked). */
  async newEntry(withFile = false): Promise<Entry> {
    const data = { date: ENTRY_DATE, note: `E2E 权限进展 ${stamp()}` };
    const response = await this.people.cadreOwn.request.post(
      `/api/v1/tasks/${this.taskId}/entries`,
      withFile ? { multipart: { data: JSON.stringify(data), files: pngFile() } } : { data },
    );
    return body<Entry>(response, 201);
  }

  async newIndicator() {
    return body<{ id: number; version: number }>(
      await this.people.leader.request.post(`/api/v1/tasks/${this.taskId}/indicators`, {
        data: { name: `指标${stamp()}`, unit: "个", target: 10 },
      }),
      201,
    );
  }

  async newInstruction() {
    return body<{ id: number }>(
      await this.people.leader.request.post(`/api/v1/tasks/${this.taskId}/instructions`, {
        data: { text: `E2E 批示 ${stamp()}` },
      }),
      201,
    );
  }

  /** The current `version` of a thing, read through the API. */
  async version(path: string) {
    return (await body<{ version: number }>(await this.people.admin.request.get(path), 200))
      .version;
  }

  async dispose() {
    await Promise.all(this.contexts.map((context) => context.dispose()));
    this.db.close();
  }
}
