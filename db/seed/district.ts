/**
 * A district-scale data set for the benchmarks of #9: a district (区) running the product for all
 * its 街道 — offices' units (科室/社区) and people, one 2023 plan with five themes per office, and
 * thousands of tasks with indicators and a year of progress entries whose cumulative readings rise
 * toward their targets at varying paces (some behind, some stale, some completed), with reviews,
 * withdrawals, urges and instructions.
 *
 * Deterministic: every choice comes from one seeded PRNG (mulberry32) and every timestamp is
 * derived from the dates, so the same options always give the same database. Fast: raw prepared
 * statements on the better-sqlite3 handle, explicit ids, one transaction, no journal, and the
 * secondary indexes of the two big tables rebuilt once at the end.
 */
import type Database from "better-sqlite3";
import { seededRandom } from "./progress-history";

/** Every generated account signs in with this password. */
export const BENCH_PASSWORD = "bench-password-2023";

/**
 * `BENCH_PASSWORD` hashed once with lib/auth/password.ts's `hashPassword` (scrypt N=16384, r=8,
 * p=1, fixed salt): hashing 1,500 passwords would take longer than writing a million entries.
 */
export const BENCH_PASSWORD_HASH =
  "scrypt$16384$8$1$hJ2ePgPMblTkcHxL8meZPQ$cH7nWIClkLdKuW8P6C48JmLO75LpFaGUEdzQr5TMi8o";

export const DISTRICT_PLAN = {
  year: 2023,
  title: "钱塘区2023年度重点工作计划",
  startDate: "2023-01-01",
  endDate: "2023-12-31",
  reportingDay: 25,
  greenMaxGap: 10,
  yellowMaxGap: 30,
  timeZone: "Asia/Shanghai",
} as const;

/** The district's "today": nothing is dated after it. */
export const DISTRICT_AS_OF = "2023-11-30";

export interface DistrictOptions {
  tasks: number;
  /** Indicators in all (0–8 per task). */
  indicators: number;
  /** Progress entries in all. */
  entries: number;
  seed?: number;
  /** Units (科室/社区) in all, about 15 per office; default 300 (20 offices). */
  units?: number;
  /** Accounts in all: per office one admin, five leaders, the rest cadres; default 1,500. */
  users?: number;
}

export interface DistrictCounts {
  units: number;
  users: number;
  plans: number;
  projects: number;
  tasks: number;
  taskCoUnits: number;
  indicators: number;
  progressEntries: number;
  indicatorReadings: number;
  urges: number;
  instructions: number;
  notifications: number;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

// prettier-ignore
const OFFICES = [
  "白杨", "下沙", "河庄", "义蓬", "新湾", "临江", "前进", "闻堰", "城厢", "北干",
  "蜀山", "新塘", "盈丰", "宁围", "衙前", "瓜沥", "益农", "党湾", "靖江", "南阳",
];

// prettier-ignore
const DEPARTMENTS = [
  "党政办公室", "党建工作办公室", "经济发展办公室", "社会事务办公室", "城市管理办公室",
  "平安建设办公室", "社区建设办公室", "综合行政执法队", "应急管理办公室", "财政所",
  "便民服务中心", "退役军人服务站",
];

const COMMUNITY_A = "云水江海青湖金银春秋东西南北新和美安丰文".split("");
const COMMUNITY_B = "潮澜苑庭湾城岸府园里桥塘".split("");

const THEMES = [
  { title: "讲政治", description: "坚持党建引领，全面提升基层治理能力" },
  { title: "抓经济", description: "稳企业、促投资、优环境，推动经济高质量发展" },
  { title: "惠民生", description: "办好民生实事，提升群众获得感幸福感" },
  { title: "守平安", description: "统筹发展和安全，建设更高水平平安街道" },
  { title: "壮队伍", description: "锻造忠诚干净担当的干部队伍" },
];

const TASK_VERBS = ["推进", "完成", "深化", "落实", "开展", "加快", "抓好", "提升"];
// prettier-ignore
const TASK_OBJECTS = [
  ["党建引领基层治理", "红色物业联盟建设", "清廉单元创建", "党员先锋示范岗评选", "新时代文明实践阵地建设"],
  ["重点项目招引落地", "企业走访服务", "楼宇经济提质", "小微企业园改造提升", "闲置低效用地盘活"],
  ["老旧小区综合改造", "既有住宅加装电梯", "婴幼儿托育服务扩容", "居家养老服务中心建设", "垃圾分类示范小区创建"],
  ["安全生产隐患排查整治", "信访积案化解", "消防安全专项整治", "违法建筑拆除", "群租房整治"],
  ["年轻干部培养", "社工队伍职业化建设", "作风建设专项行动", "干部教育培训", "网格员队伍建设"],
];

const ROLE_TITLES = {
  leaders: ["党工委书记", "办事处主任", "党工委副书记", "办事处副主任", "党工委委员"],
  cadres: ["科长", "副科长", "科员", "社区书记", "社区主任", "社工", "网格员"],
};

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾".split("");
const GIVEN = "建国华明丽芳伟敏静强磊军洋勇艳杰娟涛超霞秀英平刚桂兰红玲志浩宇婷晨".split("");

interface IndicatorTemplate {
  name: string;
  unit: string;
  decimals: readonly number[];
  direction: "increase" | "decrease";
  range: (r: () => number) => [baseline: number, target: number];
}

const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);

// prettier-ignore
const INCREASE: IndicatorTemplate[] = [
  { name: "完成老旧小区改造", unit: "个", decimals: [0], direction: "increase", range: (r) => [0, between(r, 2, 20)] },
  { name: "新增公共停车位", unit: "个", decimals: [0], direction: "increase", range: (r) => [0, between(r, 50, 800)] },
  { name: "加装电梯", unit: "台", decimals: [0], direction: "increase", range: (r) => [0, between(r, 5, 60)] },
  { name: "走访服务企业", unit: "家", decimals: [0], direction: "increase", range: (r) => [0, between(r, 20, 300)] },
  { name: "完成固定资产投资", unit: "万元", decimals: [1, 2], direction: "increase", range: (r) => [0, between(r, 1000, 80000)] },
  { name: "招引落地项目", unit: "个", decimals: [0], direction: "increase", range: (r) => [0, between(r, 3, 40)] },
  { name: "新增就业岗位", unit: "人", decimals: [0], direction: "increase", range: (r) => [0, between(r, 100, 3000)] },
  { name: "开展技能培训", unit: "人次", decimals: [0], direction: "increase", range: (r) => [0, between(r, 200, 5000)] },
  { name: "垃圾分类覆盖率", unit: "%", decimals: [1], direction: "increase", range: (r) => { const b = between(r, 60, 85); return [b, Math.min(100, b + between(r, 5, 15))]; } },
  { name: "居民满意度", unit: "%", decimals: [1, 2], direction: "increase", range: (r) => [between(r, 80, 90), between(r, 92, 98)] },
  { name: "新增绿化面积", unit: "平方米", decimals: [0, 1], direction: "increase", range: (r) => [0, between(r, 1000, 50000)] },
  { name: "入户走访", unit: "户", decimals: [0], direction: "increase", range: (r) => [0, between(r, 500, 20000)] },
  { name: "完成税收收入", unit: "万元", decimals: [2], direction: "increase", range: (r) => [0, between(r, 5000, 200000)] },
  { name: "新增托育托位", unit: "个", decimals: [0], direction: "increase", range: (r) => [between(r, 0, 100), between(r, 120, 400)] },
  { name: "开展志愿服务活动", unit: "场", decimals: [0], direction: "increase", range: (r) => [0, between(r, 12, 200)] },
  { name: "完成整治点位", unit: "处", decimals: [0], direction: "increase", range: (r) => [0, between(r, 10, 200)] },
];

// prettier-ignore
const DECREASE: IndicatorTemplate[] = [
  { name: "信访积案", unit: "件", decimals: [0], direction: "decrease", range: (r) => { const b = between(r, 20, 200); return [b, b * between(r, 0.2, 0.6)]; } },
  { name: "安全隐患", unit: "处", decimals: [0], direction: "decrease", range: (r) => { const b = between(r, 50, 500); return [b, b * between(r, 0.1, 0.5)]; } },
  { name: "违法建筑面积", unit: "平方米", decimals: [0, 1], direction: "decrease", range: (r) => { const b = between(r, 2000, 50000); return [b, b * between(r, 0.2, 0.5)]; } },
  { name: "火灾事故", unit: "起", decimals: [0], direction: "decrease", range: (r) => { const b = between(r, 10, 50); return [b, b * between(r, 0, 0.5)]; } },
  { name: "商铺空置率", unit: "%", decimals: [1], direction: "decrease", range: (r) => { const b = between(r, 10, 30); return [b, b - between(r, 3, 8)]; } },
];

const NOTES = [
  "召开专题推进会，细化任务清单，明确责任分工",
  "会同配合单位开展现场踏勘，逐项推进",
  "梳理阶段性成果，相关数据已汇总核实",
  "组织专项督导，对照时间表查漏补缺",
  "深入社区、企业走访，收集意见建议",
  "完成本阶段既定工作量，台账资料同步更新",
  "协调相关部门解决推进中的具体问题",
  "开展集中攻坚行动，进度稳步提升",
];
const NOTE_TAILS = ["。", "，群众反响良好。", "，工作按计划推进。", "，已形成阶段性成果。"];
const PROBLEMS = [
  "部分居民意见不统一，协调难度较大",
  "资金拨付进度偏慢",
  "施工受天气影响有所延误",
  "配合单位对接不够及时",
  "人手紧张，任务较重",
  "审批手续办理周期较长",
];
const NEXT_STEPS = [
  "下步将加大协调力度，确保按期完成",
  "继续做好跟踪服务，每周通报进度",
  "倒排工期，挂图作战",
  "加强与配合单位沟通，形成工作合力",
  "做好资料归档，迎接年度考核",
  "针对薄弱环节开展专项整治",
];
const RETURN_REASONS = [
  "数据与台账不一致，请核实后重新填报",
  "进展描述过于简单，请补充具体措施",
  "请补充佐证材料",
];
const BLOCKED_REASONS = [
  "资金未落实，项目暂缓",
  "涉及产权纠纷，需上级协调",
  "审批未通过，待重新申报",
];
const URGE_MESSAGES = [
  "进度明显滞后，请抓紧推进并于本月填报进展。",
  "请本周内报送赶进度措施。",
  "本月尚未填报进展，请及时填报。",
];
const INSTRUCTIONS = [
  "请分析滞后原因，制定赶超计划，确保年底前完成目标。",
  "注意序时进度，下月底前追上计划。",
  "请梳理存在问题，月底前报送解决方案。",
  "该项工作群众关注度高，请加强宣传，做好解释。",
];
const REPLIES = ["已召开专题会分析原因，倒排工期，每周报送进度。", "已收悉，正在落实。"];

// ---------------------------------------------------------------------------------------------
// Dates and times

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function dateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch milliseconds of midnight in Asia/Shanghai (UTC+8, no daylight saving) of a day number. */
const shanghaiMidnight = (dayNo: number) => dayNo * DAY_MS - 8 * HOUR_MS;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Splits `total` into integers proportional to `weights` (largest remainder; ties by index). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]!++;
  return counts;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

type Profile = "on_pace" | "behind" | "stale" | "blocked" | "silent" | "future";

interface PlannedIndicator {
  id: number;
  baseline: number;
  target: number;
  decimals: number;
  pace: number;
  shape: number;
}

// ---------------------------------------------------------------------------------------------

/**
 * Fills an empty, migrated database with a district. Throws if it already holds units. Leaves
 * the connection as it found it (WAL, foreign keys on); run ANALYZE afterwards.
 */
export function generateDistrict(
  sqlite: Database.Database,
  options: DistrictOptions,
): DistrictCounts {
  const taskCount = options.tasks;
  const indicatorCount = options.indicators;
  const entryCount = options.entries;
  const unitCount = options.units ?? 300;
  const userCount = options.users ?? 1500;
  const random = seededRandom(options.seed ?? 1);
  const r = random;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

  const officeCount = Math.max(1, Math.round(unitCount / 15));
  const leadersPerOffice = ROLE_TITLES.leaders.length;
  if (!Number.isInteger(taskCount) || taskCount < 1) throw new Error("tasks must be ≥ 1");
  if (indicatorCount < 0 || indicatorCount > 8 * taskCount) {
    throw new Error("indicators must be between 0 and 8 per task");
  }
  if (entryCount < 0) throw new Error("entries must be ≥ 0");
  if (unitCount < 3 * officeCount) throw new Error("too few units");
  if (userCount < officeCount * (1 + leadersPerOffice) + unitCount) {
    throw new Error("too few users: each office needs an admin, leaders and a cadre per unit");
  }
  const existing = sqlite.prepare("SELECT COUNT(*) AS n FROM units").get() as { n: number };
  if (existing.n > 0) throw new Error("generateDistrict needs an empty database");

  const planStart = dayNumber(DISTRICT_PLAN.startDate);
  const planEnd = dayNumber(DISTRICT_PLAN.endDate);
  const asOf = dayNumber(DISTRICT_AS_OF);
  const dates = new Map<number, string>();
  for (let d = planStart; d <= planEnd; d++) dates.set(d, dateOf(d));
  const date = (d: number) => dates.get(d)!;

  const orgCreatedAt = shanghaiMidnight(dayNumber("2022-12-28")) + 9 * HOUR_MS;
  const planCreatedAt = shanghaiMidnight(dayNumber("2023-01-12")) + 17 * HOUR_MS;

  const counts: DistrictCounts = {
    units: 0,
    users: 0,
    plans: 0,
    projects: 0,
    tasks: 0,
    taskCoUnits: 0,
    indicators: 0,
    progressEntries: 0,
    indicatorReadings: 0,
    urges: 0,
    instructions: 0,
    notifications: 0,
  };

  // Written without a journal, foreign key checks or syncs (a failure leaves a file to delete);
  // the connection's own settings come back at the end.
  const saved = ["journal_mode", "synchronous", "foreign_keys", "cache_size", "temp_store"].map(
    (name) => [name, sqlite.pragma(name, { simple: true }) as string | number] as const,
  );
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("temp_store = MEMORY");

  // The secondary indexes of the two big tables are rebuilt once, from their own definitions.
  const bigIndexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('progress_entries', 'indicator_readings') ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];

  const insert = {
    unit: sqlite.prepare(
      `INSERT INTO units (id, name, type, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    user: sqlite.prepare(
      `INSERT INTO users (id, username, display_name, title, unit_id, role, password_hash, active,
         must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`,
    ),
    plan: sqlite.prepare(
      `INSERT INTO plans (id, year, title, start_date, end_date, reporting_day, green_max_gap,
         yellow_max_gap, time_zone, is_current, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    project: sqlite.prepare(
      `INSERT INTO projects (id, plan_id, position, title, description, lead_leader_id, created_at,
         updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
    ),
    task: sqlite.prepare(
      `INSERT INTO tasks (id, project_id, position, title, description, owner_id, lead_unit_id,
         start_date, due_date, status, blocked_reason, weight, completion_note, completed_on,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    coUnit: sqlite.prepare(`INSERT INTO task_co_units (task_id, unit_id) VALUES (?, ?)`),
    indicator: sqlite.prepare(
      `INSERT INTO indicators (id, task_id, position, name, measure_unit, baseline, target,
         direction, decimals, weight, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    entry: sqlite.prepare(
      `INSERT INTO progress_entries (id, task_id, author_id, entry_date, percent, note, problems,
         next_steps, review_status, review_reason, reviewed_by_id, reviewed_at, withdrawn_at,
         version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reading: sqlite.prepare(
      `INSERT INTO indicator_readings (entry_id, indicator_id, value, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    urge: sqlite.prepare(
      `INSERT INTO urges (id, task_id, author_id, recipient_id, message, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    instruction: sqlite.prepare(
      `INSERT INTO instructions (id, task_id, author_id, text, acknowledged_at, acknowledged_by_id,
         reply, replied_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    notification: sqlite.prepare(
      `INSERT INTO notifications (user_id, kind, task_id, ref_id, body, read_at, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
  const notify = (
    userId: number,
    kind: string,
    taskId: number,
    refId: number,
    body: string,
    readAt: number | null,
    at: number,
  ) => {
    insert.notification.run(userId, kind, taskId, refId, body, readAt, at, readAt ?? at);
    counts.notifications++;
  };

  const generate = () => {
    for (const index of bigIndexes) sqlite.exec(`DROP INDEX "${index.name}"`);

    // Offices: units (the leadership, departments, communities) and people.
    interface Office {
      name: string;
      /** Units that lead tasks (everything but the leadership), with their cadres. */
      units: { id: number; cadres: number[] }[];
      leaders: number[];
    }
    const offices: Office[] = [];
    const unitsPerOffice = apportion(
      unitCount,
      Array.from({ length: officeCount }, () => 1),
    );
    const usersPerOffice = apportion(userCount, unitsPerOffice);
    let unitId = 0;
    let userId = 0;
    const roleSeq = { admin: 0, leader: 0, cadre: 0 };
    const person = () => pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : "");
    const addUser = (
      role: "admin" | "leader" | "cadre",
      unit: number,
      title: string | null,
    ): number => {
      userId++;
      roleSeq[role]++;
      const username = `${role}${roleSeq[role]}`;
      insert.user.run(
        userId,
        username,
        person(),
        title,
        unit,
        role,
        BENCH_PASSWORD_HASH,
        orgCreatedAt,
        orgCreatedAt,
      );
      counts.users++;
      return userId;
    };

    for (let o = 0; o < officeCount; o++) {
      const base = OFFICES[o % OFFICES.length]!;
      const name = `${base}${o < OFFICES.length ? "" : Math.floor(o / OFFICES.length) + 1}街道`;
      const n = unitsPerOffice[o]!;
      const addUnit = (unitName: string, type: string) => {
        unitId++;
        insert.unit.run(unitId, unitName, type, unitId, orgCreatedAt, orgCreatedAt);
        counts.units++;
        return unitId;
      };
      const leadership = addUnit(`${name}领导班子`, "other");
      const office: Office = { name, units: [], leaders: [] };
      const departments = Math.min(DEPARTMENTS.length, Math.ceil((n - 1) * 0.45));
      for (let k = 0; k < departments; k++) {
        const department = DEPARTMENTS[k]!;
        const type =
          department.endsWith("中心") || department.endsWith("站") ? "other" : "department";
        office.units.push({ id: addUnit(`${name}${department}`, type), cadres: [] });
      }
      const communityNames = new Set<string>();
      while (office.units.length < n - 1) {
        let community = pick(COMMUNITY_A) + pick(COMMUNITY_B);
        if (communityNames.has(community)) community += communityNames.size + 1;
        communityNames.add(community);
        office.units.push({ id: addUnit(`${name}${community}社区`, "community"), cadres: [] });
      }
      // People: an admin in the 党政办公室, the leaders in the leadership, cadres everywhere else.
      addUser("admin", office.units[0]!.id, "系统管理员");
      for (const title of ROLE_TITLES.leaders)
        office.leaders.push(addUser("leader", leadership, title));
      const cadres = usersPerOffice[o]! - 1 - leadersPerOffice;
      for (let k = 0; k < cadres; k++) {
        const unit = k < office.units.length ? office.units[k]! : pick(office.units);
        unit.cadres.push(addUser("cadre", unit.id, pick(ROLE_TITLES.cadres)));
      }
      offices.push(office);
    }

    // The plan and its projects: the five themes of every office.
    insert.plan.run(
      DISTRICT_PLAN.year,
      DISTRICT_PLAN.title,
      DISTRICT_PLAN.startDate,
      DISTRICT_PLAN.endDate,
      DISTRICT_PLAN.reportingDay,
      DISTRICT_PLAN.greenMaxGap,
      DISTRICT_PLAN.yellowMaxGap,
      DISTRICT_PLAN.timeZone,
      planCreatedAt,
      planCreatedAt,
    );
    counts.plans++;
    const projectList: { id: number; office: Office; theme: number; leader: number }[] = [];
    offices.forEach((office, o) =>
      THEMES.forEach((theme, t) => {
        const id = projectList.length + 1;
        const leader = office.leaders[t % office.leaders.length]!;
        insert.project.run(
          id,
          id,
          `${office.name}·${theme.title}`,
          theme.description,
          leader,
          planCreatedAt,
          planCreatedAt,
        );
        projectList.push({ id, office: offices[o]!, theme: t, leader });
        counts.projects++;
      }),
    );

    // Tasks per project, indicators per task (0–8, about a tenth without), entries per task.
    const tasksPerProject = apportion(
      taskCount,
      projectList.map(() => 0.5 + r()),
    );
    const indicatorsPerTask = Array.from({ length: taskCount }, () =>
      r() < 0.1 ? 0 : 1 + Math.floor(r() * 8),
    );
    let surplus = indicatorsPerTask.reduce((a, b) => a + b, 0) - indicatorCount;
    while (surplus !== 0) {
      const i = Math.floor(r() * taskCount);
      const n = indicatorsPerTask[i]!;
      if (surplus > 0 && n > 0 && (n > 1 || r() < 0.1)) {
        indicatorsPerTask[i] = n - 1;
        surplus--;
      } else if (surplus < 0 && n < 8 && (n > 0 || r() < 0.1)) {
        indicatorsPerTask[i] = n + 1;
        surplus++;
      }
    }

    interface PlannedTask {
      start: number;
      due: number;
      profile: Profile;
      /** The day it was completed, or null. */
      completedOn: number | null;
      /** The last day it reports on. */
      windowEnd: number;
      pace: number;
      stall: number | null;
    }
    const planned: PlannedTask[] = [];
    for (let i = 0; i < taskCount; i++) {
      const s = r();
      const start =
        planStart +
        (s < 0.7
          ? Math.floor(r() * 31)
          : s < 0.9
            ? 31 + Math.floor(r() * 89)
            : s < 0.98
              ? 120 + Math.floor(r() * 150)
              : asOf - planStart + 1 + Math.floor(r() * (planEnd - asOf)));
      const d = r();
      let due =
        d < 0.55
          ? planEnd
          : d < 0.7
            ? r() < 0.5
              ? dayNumber("2023-06-30")
              : dayNumber("2023-09-30")
            : d < 0.85
              ? asOf + 1 + Math.floor(r() * (planEnd - asOf - 1))
              : start + 60 + Math.floor(r() * (planEnd - start - 59));
      if (due < start || due > planEnd) due = planEnd;
      let profile: Profile;
      let completedOn: number | null = null;
      let windowEnd = asOf;
      let pace = 0.97 + r() * 0.28;
      let stall: number | null = null;
      if (start > asOf) {
        profile = "future";
      } else if ((due <= asOf && r() < 0.85) || (due > asOf && r() < 0.06)) {
        profile = "on_pace";
        const from = start + Math.floor(((due <= asOf ? due : asOf) - start) * 0.6);
        const to = due <= asOf ? due : asOf;
        completedOn = Math.max(start, from + Math.floor(r() * (to - from + 1)));
        windowEnd = completedOn;
      } else {
        const p = r();
        if (p < 0.01) profile = "silent";
        else if (p < 0.03) {
          profile = "blocked";
          pace = 0.6 + r() * 0.3;
          stall = start + Math.floor((asOf - start) * (0.2 + r() * 0.5));
        } else if (p < 0.07) {
          profile = "stale";
          pace = 0.7 + r() * 0.3;
          windowEnd = Math.max(start, asOf - 40 - Math.floor(r() * 110));
        } else if (p < 0.2) {
          profile = "behind";
          pace = 0.4 + r() * 0.4;
        } else profile = "on_pace";
      }
      planned.push({ start, due, profile, completedOn, windowEnd, pace, stall });
    }
    // Busier tasks report more (a log-normal spread), over the days they report on.
    const entriesPerTask = apportion(
      entryCount,
      planned.map((t) =>
        t.profile === "future" || t.profile === "silent"
          ? 0
          : (t.windowEnd - t.start + 1) * Math.exp(0.8 * (r() + r() + r() - 1.5) * 2),
      ),
    );

    let taskId = 0;
    let indicatorId = 0;
    let entryId = 0;
    let urgeId = 0;
    let instructionId = 0;
    const entryWeekAgo = asOf - 7;
    const usedTemplates = new Set<IndicatorTemplate>();

    projectList.forEach((project, p) => {
      for (let position = 1; position <= tasksPerProject[p]!; position++) {
        const task = planned[taskId]!;
        const nIndicators = indicatorsPerTask[taskId]!;
        const nEntries = entriesPerTask[taskId]!;
        taskId++;
        const lead = pick(project.office.units);
        const owner = pick(lead.cadres);
        const title =
          pick(TASK_VERBS) + pick(TASK_OBJECTS[project.theme]!) + (r() < 0.5 ? "工作" : "");
        const status =
          task.completedOn !== null
            ? "completed"
            : task.profile === "blocked"
              ? "blocked"
              : nEntries === 0
                ? "not_started"
                : "in_progress";

        // Indicators
        usedTemplates.clear();
        const indicatorPlan: PlannedIndicator[] = [];
        for (let k = 0; k < nIndicators; k++) {
          let template = r() < 0.15 ? pick(DECREASE) : pick(INCREASE);
          while (usedTemplates.has(template)) template = pick(INCREASE);
          usedTemplates.add(template);
          const decimals = pick(template.decimals);
          const [b, t] = template.range(r);
          const baseline = roundTo(b, decimals);
          let target = roundTo(t, decimals);
          if (target === baseline)
            target = roundTo(baseline + (template.direction === "increase" ? 1 : -1), decimals);
          indicatorId++;
          insert.indicator.run(
            indicatorId,
            taskId,
            k + 1,
            template.name,
            template.unit,
            baseline,
            target,
            template.direction,
            decimals,
            1 + Math.floor(r() * 3),
            planCreatedAt,
            planCreatedAt,
          );
          counts.indicators++;
          indicatorPlan.push({
            id: indicatorId,
            baseline,
            target,
            decimals,
            pace: task.pace * (0.85 + r() * 0.3),
            shape: 0.7 + r() * 0.7,
          });
        }

        // Entries: one in each equal slice of the days it reports on, so a sparse task reports
        // about monthly and a busy one several times a day.
        const done = new Float64Array(nIndicators);
        let taskDone = 0;
        let lastEntryAt = planCreatedAt;
        const span = task.windowEnd - task.start + 1;
        const paceEnd = task.completedOn ?? task.due;
        for (let k = 0; k < nEntries; k++) {
          const lo = task.start + Math.floor((k * span) / nEntries);
          const hi = Math.max(lo, task.start + Math.floor(((k + 1) * span) / nEntries) - 1);
          const last = k === nEntries - 1;
          const day =
            last && task.completedOn !== null
              ? task.completedOn
              : lo + Math.floor(r() * (hi - lo + 1));
          const paceDay = task.stall !== null ? Math.min(day, task.stall) : day;
          const time =
            paceEnd <= task.start
              ? 1
              : Math.min(1, (paceDay - task.start) / (paceEnd - task.start));
          const finishing = last && task.completedOn !== null;

          entryId++;
          const createdAt =
            shanghaiMidnight(day) + 9 * HOUR_MS + Math.floor(r() * 12 * 60) * 60_000;
          let reviewStatus = "approved";
          let reviewReason: string | null = null;
          let reviewedBy: number | null = project.leader;
          let reviewedAt: number | null = createdAt + Math.floor((2 + r() * 46) * 60) * 60_000;
          let withdrawnAt: number | null = null;
          const s = r();
          if (s < 0.01 && !finishing) {
            reviewStatus = "pending";
            reviewedBy = null;
            reviewedAt = null;
            withdrawnAt = createdAt + Math.floor((1 + r() * 4) * 60) * 60_000;
          } else if (day > entryWeekAgo ? s < 0.76 : s < 0.016) {
            reviewStatus = "pending";
            reviewedBy = null;
            reviewedAt = null;
          } else if (s < 0.032 && !finishing) {
            reviewStatus = "returned";
            reviewReason = pick(RETURN_REASONS);
          }
          let percent: number | null = null;
          if (nIndicators === 0) {
            const f = finishing ? 1 : Math.min(1, task.pace * time * (1 - 0.1 * r()));
            taskDone = Math.max(taskDone, f);
            percent = Math.round(100 * taskDone);
          }
          insert.entry.run(
            entryId,
            taskId,
            owner,
            date(day),
            percent,
            pick(NOTES) + pick(NOTE_TAILS),
            r() < 0.45 ? pick(PROBLEMS) : "",
            r() < 0.8 ? pick(NEXT_STEPS) : "",
            reviewStatus,
            reviewReason,
            reviewedBy,
            reviewedAt,
            withdrawnAt,
            withdrawnAt === null ? 1 : 2,
            createdAt,
            withdrawnAt ?? reviewedAt ?? createdAt,
          );
          counts.progressEntries++;
          if (reviewStatus === "returned") {
            notify(owner, "entry_returned", taskId, entryId, reviewReason!, null, reviewedAt!);
          }
          if (withdrawnAt === null && reviewStatus !== "returned") lastEntryAt = createdAt;

          // Readings: cumulative, never falling back (a running maximum of the share done).
          for (let j = 0; j < nIndicators; j++) {
            const indicator = indicatorPlan[j]!;
            const f = finishing
              ? 1
              : Math.min(1, indicator.pace * time ** indicator.shape * (1 - 0.1 * r()));
            if (f > done[j]!) done[j] = f;
            if (!finishing && r() < 0.1) continue; // not every indicator in every entry
            const value = roundTo(
              indicator.baseline + (indicator.target - indicator.baseline) * done[j]!,
              indicator.decimals,
            );
            insert.reading.run(entryId, indicator.id, value, createdAt, createdAt);
            counts.indicatorReadings++;
          }
        }

        insert.task.run(
          taskId,
          project.id,
          position,
          title,
          `${project.office.name}${title}，按年度计划节点推进。`,
          owner,
          lead.id,
          date(task.start),
          date(task.due),
          status,
          status === "blocked" ? pick(BLOCKED_REASONS) : null,
          1 + Math.floor(r() * 3),
          status === "completed" ? "已按计划完成全部目标。" : null,
          task.completedOn === null ? null : date(task.completedOn),
          planCreatedAt,
          lastEntryAt,
        );
        counts.tasks++;

        // Co-units: up to three other units of the office.
        const coUnitCount = Math.min(
          project.office.units.length - 1,
          [0, 0, 1, 1, 1, 2, 2, 3][Math.floor(r() * 8)]!,
        );
        const coUnits = new Set<number>();
        while (coUnits.size < coUnitCount) {
          const unit = pick(project.office.units).id;
          if (unit !== lead.id) coUnits.add(unit);
        }
        for (const unit of coUnits) {
          insert.coUnit.run(taskId, unit);
          counts.taskCoUnits++;
        }

        // The leaders' side: urges on late tasks, instructions here and there.
        const late =
          task.profile === "behind" ||
          task.profile === "stale" ||
          task.profile === "blocked" ||
          task.profile === "silent" ||
          (task.due < asOf && task.completedOn === null);
        if (late && r() < 0.6) {
          const n = 1 + Math.floor(r() * 3);
          for (let k = 0; k < n; k++) {
            const at =
              shanghaiMidnight(asOf - Math.floor(r() * 90)) + (9 + Math.floor(r() * 8)) * HOUR_MS;
            const message = pick(URGE_MESSAGES);
            urgeId++;
            insert.urge.run(urgeId, taskId, project.leader, owner, message, at, at);
            counts.urges++;
            notify(
              owner,
              "urged",
              taskId,
              urgeId,
              message,
              r() < 0.7 ? at + 2 * HOUR_MS : null,
              at,
            );
          }
        }
        if (task.profile !== "future" && r() < (late ? 0.3 : 0.05)) {
          const at =
            shanghaiMidnight(Math.max(task.start, asOf - Math.floor(r() * 120))) + 15 * HOUR_MS;
          const text = pick(INSTRUCTIONS);
          const acknowledged = r() < 0.6 ? at + 3 * HOUR_MS : null;
          const replied = acknowledged !== null && r() < 0.5 ? acknowledged + 20 * HOUR_MS : null;
          instructionId++;
          insert.instruction.run(
            instructionId,
            taskId,
            project.leader,
            text,
            acknowledged,
            acknowledged === null ? null : owner,
            replied === null ? null : pick(REPLIES),
            replied,
            at,
            replied ?? acknowledged ?? at,
          );
          counts.instructions++;
          notify(owner, "instruction_received", taskId, instructionId, text, acknowledged, at);
        }
      }
    });

    for (const index of bigIndexes) sqlite.exec(index.sql);
  };

  try {
    sqlite.transaction(generate)();
  } finally {
    for (const [name, value] of saved) sqlite.pragma(`${name} = ${value}`);
  }
  return counts;
}
