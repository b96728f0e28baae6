/**
 * The demo data: Baiyang sub-district's (白杨街道) 2023 work plan, taken from section 二 of its
 * "2022年工作总结及2023年工作思路" (shared/seed/000_06debf6909d17e14.txt).
 *
 * Typed constants only (no I/O). Every theme of section 二 is a project, every distinct work item of
 * a theme's paragraph is a task (its sentence is the task's description), and the text's numbers
 * are indicators. Where the text gives no number for a target, the figure is invented for the demo
 * and marked `demoFigure: true` (the database has no column for it; it is documentation only).
 *
 * All people are invented; their names are plausible Chinese names, not real persons.
 */
import type { UnitType } from "@/db/schema/units";
import type { Role } from "@/db/schema/users";
import type { HistoryIndicator, ProgressProfile } from "./progress-history";

export const DEMO_PASSWORD = "baiyang2023";

// ---------------------------------------------------------------------------------------------
// Plan

export const BAIYANG_PLAN = {
  year: 2023,
  title: "白杨街道2023年工作计划",
  startDate: "2023-01-01",
  endDate: "2023-12-31",
  reportingDay: 25,
  greenMaxGap: 10,
  yellowMaxGap: 30,
  timeZone: "Asia/Shanghai",
  isCurrent: true,
} as const;

// ---------------------------------------------------------------------------------------------
// Units

export interface SeedUnit {
  name: string;
  type: UnitType;
}

/** In display order (their `position` is the index + 1). */
export const BAIYANG_UNITS = [
  { name: "街道领导班子", type: "other" },
  { name: "党政办公室", type: "department" },
  { name: "党建工作办公室", type: "department" },
  { name: "经济发展办公室", type: "department" },
  { name: "社会事务办公室", type: "department" },
  { name: "城市管理办公室", type: "department" },
  { name: "平安建设办公室", type: "department" },
  { name: "社区建设办公室", type: "department" },
  { name: "综合行政执法队", type: "department" },
  { name: "应急管理办公室", type: "department" },
  { name: "邻里社区", type: "community" },
  { name: "闻潮社区", type: "community" },
  { name: "大北社区", type: "community" },
  { name: "美达社区", type: "community" },
  { name: "江潮社区", type: "community" },
  { name: "观澜社区", type: "community" },
  { name: "凌云社区", type: "community" },
  { name: "江滨花园社区", type: "community" },
] as const satisfies readonly SeedUnit[];

export type UnitName = (typeof BAIYANG_UNITS)[number]["name"];

const ALL_COMMUNITIES = BAIYANG_UNITS.filter((u) => u.type === "community").map(
  (u) => u.name,
) as UnitName[];

// ---------------------------------------------------------------------------------------------
// Accounts (every password is DEMO_PASSWORD)

export interface SeedAccount {
  username: string;
  displayName: string;
  role: Role;
  unit: UnitName;
  title: string;
  /** The unit's head (one per unit): the person who owns the unit's tasks. */
  head: boolean;
}

export const BAIYANG_ACCOUNTS = [
  // 系统管理员
  {
    username: "admin",
    displayName: "系统管理员",
    role: "admin",
    unit: "党政办公室",
    title: "系统管理员",
    head: false,
  },
  // 街道领导 (the leadership unit; the 党工委书记 is its head)
  {
    username: "shuji",
    displayName: "韩志远",
    role: "leader",
    unit: "街道领导班子",
    title: "党工委书记",
    head: true,
  },
  {
    username: "leader",
    displayName: "陆文博",
    role: "leader",
    unit: "街道领导班子",
    title: "街道主任",
    head: false,
  },
  {
    username: "fushuji",
    displayName: "蒋慧琳",
    role: "leader",
    unit: "街道领导班子",
    title: "党工委副书记",
    head: false,
  },
  {
    username: "qianzhenyu",
    displayName: "钱振宇",
    role: "leader",
    unit: "街道领导班子",
    title: "街道副主任",
    head: false,
  },
  {
    username: "shaoyaqin",
    displayName: "邵雅琴",
    role: "leader",
    unit: "街道领导班子",
    title: "街道副主任",
    head: false,
  },
  // 科室负责人
  {
    username: "dangzheng",
    displayName: "方晓燕",
    role: "cadre",
    unit: "党政办公室",
    title: "主任",
    head: true,
  },
  {
    username: "dangjian",
    displayName: "何俊杰",
    role: "cadre",
    unit: "党建工作办公室",
    title: "主任",
    head: true,
  },
  {
    username: "jingji",
    displayName: "吴振华",
    role: "cadre",
    unit: "经济发展办公室",
    title: "主任",
    head: true,
  },
  {
    username: "shehui",
    displayName: "金丽萍",
    role: "cadre",
    unit: "社会事务办公室",
    title: "主任",
    head: true,
  },
  {
    username: "chengguan",
    displayName: "俞国强",
    role: "cadre",
    unit: "城市管理办公室",
    title: "主任",
    head: true,
  },
  {
    username: "pingan",
    displayName: "孔德明",
    role: "cadre",
    unit: "平安建设办公室",
    title: "主任",
    head: true,
  },
  {
    username: "shequ",
    displayName: "楼佳慧",
    role: "cadre",
    unit: "社区建设办公室",
    title: "主任",
    head: true,
  },
  {
    username: "zhifa",
    displayName: "严志刚",
    role: "cadre",
    unit: "综合行政执法队",
    title: "队长",
    head: true,
  },
  {
    username: "yingji",
    displayName: "叶鸿飞",
    role: "cadre",
    unit: "应急管理办公室",
    title: "主任",
    head: true,
  },
  // 社区书记
  {
    username: "linli",
    displayName: "徐丹",
    role: "cadre",
    unit: "邻里社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "wenchao",
    displayName: "汪秋月",
    role: "cadre",
    unit: "闻潮社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "dabei",
    displayName: "潘立群",
    role: "cadre",
    unit: "大北社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "meida",
    displayName: "顾美玲",
    role: "cadre",
    unit: "美达社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "jiangchao",
    displayName: "施海波",
    role: "cadre",
    unit: "江潮社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "guanlan",
    displayName: "章雪芬",
    role: "cadre",
    unit: "观澜社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "lingyun",
    displayName: "姚建明",
    role: "cadre",
    unit: "凌云社区",
    title: "社区党委书记",
    head: true,
  },
  {
    username: "jiangbin",
    displayName: "傅晓东",
    role: "cadre",
    unit: "江滨花园社区",
    title: "社区党委书记",
    head: true,
  },
  // 社区干部: owns 邻里社区's own tasks (the demo's cadre login)
  {
    username: "cadre",
    displayName: "林思雨",
    role: "cadre",
    unit: "邻里社区",
    title: "社区专职工作者",
    head: false,
  },
] as const satisfies readonly SeedAccount[];

export type Username = (typeof BAIYANG_ACCOUNTS)[number]["username"];

// ---------------------------------------------------------------------------------------------
// Projects, tasks, indicators

export interface SeedIndicator extends HistoryIndicator {
  weight: number;
  /** true: the text gives no number for this target; the figure is invented for the demo. */
  demoFigure: boolean;
}

export interface SeedTask {
  /** Stable key (seeds the progress history). */
  key: string;
  title: string;
  /** The item's sentence from the text. */
  description: string;
  leadUnit: UnitName;
  owner: Username;
  coUnits: readonly UnitName[];
  startDate: string;
  dueDate: string;
  weight: number;
  indicators: readonly SeedIndicator[];
  /** How its progress history is generated (see progress-history.ts). */
  profile: ProgressProfile;
}

export interface SeedProject {
  title: string;
  description: string;
  leadLeader: Username;
  tasks: readonly SeedTask[];
}

const Y_START = "2023-01-01";
const Y_END = "2023-12-31";

/** An increase indicator counted in whole units, starting from 0 unless given. */
function count(
  name: string,
  measureUnit: string,
  target: number,
  demoFigure: boolean,
  extra: Partial<SeedIndicator> = {},
): SeedIndicator {
  return {
    name,
    measureUnit,
    baseline: 0,
    target,
    direction: "increase",
    decimals: 0,
    weight: 1,
    demoFigure,
    ...extra,
  };
}

const ON_PACE: ProgressProfile = { kind: "on_pace" };
const YELLOW: ProgressProfile = { kind: "behind", gap: 0.2 };
const RED: ProgressProfile = { kind: "behind", gap: 0.42 };
const NOT_STARTED: ProgressProfile = { kind: "not_started" };
const completedIn = (month: number): ProgressProfile => ({ kind: "completed", month });

export const BAIYANG_PROJECTS: readonly SeedProject[] = [
  // 1 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    title: "讲政治：二十大学宣贯掀热潮",
    description:
      "组织街道机关、社区及两新等各级党组织，按照“六学六进六争先”部署要求，通过领导带头学、支部集中学、个人自主学等方式学习宣传贯彻党的二十大精神，用好“智汇学堂”载体，全方位提升党员干部的政治素养。",
    leadLeader: "fushuji",
    tasks: [
      {
        key: "t1-study-20th",
        title: "组织各级党组织学习宣传党的二十大精神",
        description: "组织街道机关、社区及两新等各级党组织，广泛开展党的二十大精神的学习宣传贯彻。",
        leadUnit: "党建工作办公室",
        owner: "dangjian",
        coUnits: ["党政办公室", "邻里社区", "闻潮社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 3,
        // demo figure: the text sets no number of lectures.
        indicators: [count("开展党的二十大精神宣讲", "场", 120, true)],
        profile: ON_PACE,
      },
      {
        key: "t1-six-six-six",
        title: "落实“六学六进六争先”部署要求",
        description:
          "严格按照“六学六进六争先”的部署要求，通过领导带头学、支部集中学、个人自主学等多种方式，扎实推动广大党员干部深刻领会党的二十大精神。",
        leadUnit: "党建工作办公室",
        owner: "dangjian",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [],
        profile: ON_PACE,
      },
      {
        key: "t1-three-ways",
        title: "推动领导带头学、支部集中学、个人自主学",
        description:
          "通过领导带头学、支部集中学、个人自主学等多种方式，扎实推动广大党员干部深刻领会党的二十大精神。",
        leadUnit: "党政办公室",
        owner: "dangzheng",
        coUnits: ["党建工作办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        // demo figure: monthly 中心组 study sessions.
        indicators: [count("党工委理论学习中心组专题学习", "次", 12, true)],
        profile: ON_PACE,
      },
      {
        key: "t1-theory-practice",
        title: "推动党的理论与岗位履职相结合",
        description:
          "鼓励党员干部将党的理论与实际工作相结合，以更宽视野、更大格局、更高标准做好岗位履职。",
        leadUnit: "党建工作办公室",
        owner: "dangjian",
        coUnits: [],
        startDate: "2023-02-01",
        dueDate: Y_END,
        weight: 1,
        indicators: [],
        profile: YELLOW,
      },
      {
        key: "t1-zhihui-class",
        title: "用好“智汇学堂”开展主题学习",
        description:
          "特别是用好街道谋划的“智汇学堂”载体，结合党的二十大精神以及共同富裕、现代社区等理论主题学习，全方位提升党员干部的政治素养。",
        leadUnit: "党建工作办公室",
        owner: "dangjian",
        coUnits: ["社区建设办公室"],
        startDate: "2023-03-01",
        dueDate: Y_END,
        weight: 2,
        // demo figure: number of classes.
        indicators: [count("举办“智汇学堂”专题课", "场", 10, true)],
        profile: ON_PACE,
      },
    ],
  },
  // 2 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    title: "抓经济：高质量发展再启航",
    description:
      "谋划产业发展、精准制定政策、强化项目招引、开创街校合作、统筹整合资源、优化营商环境，探索街道经济高质量发展路径，持续打好经济稳进提质攻坚战。",
    leadLeader: "leader",
    tasks: [
      {
        key: "t2-research",
        title: "开展街道经济高质量发展专题调研",
        description:
          "谋划产业发展，领导干部带头深入调查研究，立足地方发展实际，坚持以实体经济为本，探索街道经济高质量发展路径。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: "2023-05-31",
        weight: 1,
        indicators: [],
        profile: completedIn(5),
      },
      {
        key: "t2-policy",
        title: "出台街道经济高质量发展政策",
        description:
          "精准制定政策，充分考虑发展目标、企业诉求及政策实效，出台街道经济高质量发展政策。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: "2023-06-30",
        weight: 2,
        indicators: [],
        profile: completedIn(6),
      },
      {
        key: "t2-conference",
        title: "召开街道经济高质量发展大会",
        description: "召开街道经济高质量发展大会。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["党政办公室"],
        startDate: "2023-07-01",
        dueDate: Y_END,
        weight: 1,
        indicators: [],
        profile: ON_PACE,
      },
      {
        key: "t2-investment",
        title: "加大领导敲门招商力度，提高项目落地效率",
        description:
          "强化项目招引，以培植财源税源助推实体经济释放活力，加大领导敲门招商工作力度，进一步提高项目落地效率。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 3,
        indicators: [
          // demo figures: 2022 saw 57 visits, 42 new firms, 8 key taxpayers; 2023 sets no numbers.
          count("领导带队敲门招商", "次", 60, true),
          count("新引进企业", "家", 45, true),
          count("新签约重点税源企业", "家", 8, true),
        ],
        profile: ON_PACE,
      },
      {
        key: "t2-university",
        title: "开创街校合作，助推校企协同创新",
        description:
          "开创街校合作，充分挖掘高校的科技、人才等创新资源，探索形成平等开放、互利共赢的街校合作模式，助推校企协同创新建设，夯实现代化建设的战略性、基础性支撑。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["社会事务办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure.
        indicators: [count("签约街校合作项目", "个", 6, true)],
        profile: YELLOW,
      },
      {
        key: "t2-space",
        title: "盘活小微园、闲置工业厂房等空间",
        description:
          "统筹整合资源，做实产业资源专项排摸，精准识别、全面盘活现有小微园、闲置工业厂房等空间，推动要素资源高效配置，为项目落地提供更坚实保障。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["城市管理办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // demo figures.
          count("完成产业资源排摸", "家", 120, true),
          count("盘活小微园及闲置厂房面积", "平方米", 30000, true, { weight: 2 }),
        ],
        profile: RED,
      },
      {
        key: "t2-visit-firms",
        title: "用好“千名干部助千企”走访服务企业",
        description: "优化营商环境，用好“千名干部助千企”等载体，加强对街属企业的走访服务。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: ["党政办公室", "党建工作办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // demo figures: 2022 saw 300+ visits and 100+ problems solved.
          count("走访重点企业", "家次", 320, true),
          count("协调解决企业问题", "个", 100, true),
        ],
        profile: ON_PACE,
      },
      {
        key: "t2-relief",
        title: "贯彻落实助企纾困政策",
        description: "贯彻落实助企纾困政策，进一步坚定企业发展信心，持续打好经济稳进提质攻坚战。",
        leadUnit: "经济发展办公室",
        owner: "jingji",
        coUnits: [],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        // demo figure; 万元 with 2 decimals.
        indicators: [count("兑现助企纾困资金", "万元", 850, true, { decimals: 2 })],
        profile: ON_PACE,
      },
    ],
  },
  // 3 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    title: "惠民生：社会治理再完善",
    description:
      "站稳人民立场，大力推进民生实事：完善“一老一小”服务体系，探索“以租代捐”邻里共富基金，实施二次供水改造、电梯加装和老旧小区改造，开展“最美”系列评选，谋划未来社区数智治理平台，建设睦邻善治的“美好白杨家”。",
    leadLeader: "qianzhenyu",
    tasks: [
      {
        key: "t3-elderly-centres",
        title: "统筹居家养老照料中心布局扩容",
        description:
          "用心用情“一老一小”，统筹居家养老照料中心等公共服务设施的布局扩容，满足多渠道、多元化、多层次需求的“一老一小”服务体系。",
        leadUnit: "社会事务办公室",
        owner: "shehui",
        coUnits: ["观澜社区", "凌云社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // baseline from the text (5 centres of 4 stars or more); target is a demo figure.
          count("四星级以上居家养老照料中心", "个", 7, true, { baseline: 5 }),
          // demo figure.
          count("提供上门照护服务", "人次", 3000, true),
        ],
        profile: ON_PACE,
      },
      {
        key: "t3-meal-points",
        title: "新建蒸煮型老年助餐点",
        description:
          "统筹蒸煮型老年助餐点等公共服务设施的布局扩容，满足多渠道、多元化、多层次需求的“一老一小”服务体系。",
        leadUnit: "观澜社区",
        owner: "guanlan",
        coUnits: ["社会事务办公室", "凌云社区"],
        startDate: "2023-03-01",
        dueDate: Y_END,
        weight: 1,
        // demo figure.
        indicators: [count("新建蒸煮型老年助餐点", "个", 4, true)],
        profile: completedIn(10),
      },
      {
        key: "t3-childcare",
        title: "建设婴幼儿成长驿站，扩大托位供给",
        description:
          "统筹婴幼儿成长驿站等公共服务设施的布局扩容，满足多渠道、多元化、多层次需求的“一老一小”服务体系。",
        leadUnit: "社会事务办公室",
        owner: "shehui",
        coUnits: ["邻里社区", "江滨花园社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // demo figures: 2022 added 125 places.
          count("新增托位", "个", 150, true, { weight: 2 }),
          count("建成婴幼儿成长驿站", "个", 3, true),
        ],
        profile: ON_PACE,
      },
      {
        key: "t3-kindergarten",
        title: "推进“幸福里”嵌入式一体化幼儿园扩容",
        description:
          "统筹嵌入式一体化幼儿园等公共服务设施的布局扩容（邻里社区“幸福里”嵌入式幼儿园2022年已招生托、小两个班40名学生）。",
        leadUnit: "邻里社区",
        owner: "cadre",
        coUnits: ["社会事务办公室"],
        startDate: Y_START,
        dueDate: "2023-08-31",
        weight: 2,
        indicators: [
          // baselines from the text (2 classes, 40 pupils at the end of 2022); targets are demo figures.
          count("开设班级", "个", 6, true, { baseline: 2 }),
          count("在园幼儿", "名", 160, true, { baseline: 40 }),
        ],
        profile: completedIn(8),
      },
      {
        key: "t3-university-community",
        title: "形成常态化、制度化“街校共建”白杨模式",
        description: "联动辖区高校资源，形成常态化、制度化“街校共建”的白杨模式，助力社区建设。",
        leadUnit: "社区建设办公室",
        owner: "shequ",
        coUnits: ["经济发展办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        indicators: [],
        profile: ON_PACE,
      },
      {
        key: "t3-common-fund",
        title: "探索“以租代捐”邻里共富基金新模式",
        description: "探索“以租代捐”的邻里共富基金新模式，对技术工人开展应急救助、困难帮扶。",
        leadUnit: "邻里社区",
        owner: "cadre",
        coUnits: ["社会事务办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // demo figures.
          count("邻里共富基金募集金额", "万元", 200, true, { decimals: 2, weight: 2 }),
          count("开展应急救助、困难帮扶", "人次", 80, true),
        ],
        profile: ON_PACE,
      },
      {
        key: "t3-charity-branch",
        title: "举办街道慈善分会成立大会",
        description: "力争年初举办街道慈善分会成立大会，进一步提升居民群众获得感。",
        leadUnit: "社会事务办公室",
        owner: "shehui",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: "2023-03-31",
        weight: 1,
        indicators: [],
        profile: completedIn(3),
      },
      {
        key: "t3-water-supply",
        title: "实施二次供水改造",
        description: "深入实施二次供水改造等民生工程。",
        leadUnit: "城市管理办公室",
        owner: "chengguan",
        coUnits: ["江潮社区", "美达社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // demo figures.
          count("完成二次供水改造小区", "个", 6, true),
          count("受益居民", "户", 3600, true),
        ],
        profile: ON_PACE,
      },
      {
        key: "t3-lifts",
        title: "推进既有住宅加装电梯",
        description: "深入实施电梯加装等民生工程。",
        leadUnit: "城市管理办公室",
        owner: "chengguan",
        coUnits: ["社区建设办公室", "邻里社区", "大北社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure: 2022 added 3 lifts in 邻里社区.
        indicators: [count("完成既有住宅加装电梯", "台", 12, true)],
        profile: {
          kind: "blocked",
          stalledFromMonth: 7,
          reason: "部分低层住户对加装电梯有异议，意见未统一，多个单元暂停施工，需街道层面协调。",
        },
      },
      {
        key: "t3-old-estates",
        title: "推进华顺公寓、东海未名园、邻里中心老旧小区改造",
        description:
          "持续推进华顺公寓、东海未名园、邻里中心等老旧小区改造提升进度，持续改善城区环境。",
        leadUnit: "城市管理办公室",
        owner: "chengguan",
        coUnits: ["邻里社区", "社区建设办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 3,
        indicators: [
          // from the text: three estates.
          count("完成老旧小区改造（华顺公寓、东海未名园、邻里中心）", "个", 3, false, {
            weight: 2,
          }),
          // demo figures.
          count("改造惠及住户", "户", 1860, true),
          count("结合改造新增停车泊位", "个", 260, true),
        ],
        profile: YELLOW,
      },
      {
        key: "t3-beautiful-community",
        title: "组织钱塘区“美丽社区”大比武",
        description: "组织钱塘区“美丽社区”大比武。",
        leadUnit: "社区建设办公室",
        owner: "shequ",
        coUnits: ALL_COMMUNITIES,
        startDate: "2023-04-01",
        dueDate: "2023-12-15",
        weight: 1,
        indicators: [],
        profile: ON_PACE,
      },
      {
        key: "t3-best-selections",
        title: "开展“最美微网格员”“最美物业”等系列评选",
        description: "组织“最美微网格员”、“最美物业企业”评比、“最美业主委员会”评比等系列年度评选。",
        leadUnit: "社区建设办公室",
        owner: "shequ",
        coUnits: ALL_COMMUNITIES,
        startDate: "2023-12-01",
        dueDate: Y_END,
        weight: 1,
        // from the text: three selections.
        indicators: [count("完成“最美”系列评选", "项", 3, false)],
        profile: NOT_STARTED,
      },
      {
        key: "t3-digital-platform",
        title: "谋划未来社区数智治理平台",
        description: "谋划未来社区数智治理平台。",
        leadUnit: "邻里社区",
        owner: "cadre",
        coUnits: ["江滨花园社区", "社区建设办公室"],
        startDate: "2023-09-01",
        dueDate: Y_END,
        weight: 2,
        indicators: [],
        profile: NOT_STARTED,
      },
      {
        key: "t3-estate-finance",
        title: "指导监督小区财务管理制度化规范化",
        description: "指导监督小区财务管理制度化、规范化工作。",
        leadUnit: "社区建设办公室",
        owner: "shequ",
        coUnits: ALL_COMMUNITIES,
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        // demo figure.
        indicators: [count("推行小区资金监管“两强化两提升”", "个", 20, true)],
        profile: ON_PACE,
      },
      {
        key: "t3-good-governance",
        title: "狠抓小区善治多方协同攻坚",
        description: "狠抓小区善治多方协同攻坚，凝心聚力建设睦邻善治的“美好白杨家”。",
        leadUnit: "社区建设办公室",
        owner: "shequ",
        coUnits: ["城市管理办公室", "平安建设办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        indicators: [],
        profile: ON_PACE,
      },
    ],
  },
  // 4 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    title: "守平安：除险保安再发力",
    description:
      "坚持“办好一个会，成就一座城”，做好亚运场馆周边改造提升和城市环境整治，用好“小脑+手脚”“大综合一体化”改革手段排查整治安全隐患，健全社区应急体系，攻坚蒲公英资产置换、景园小区腾空搬迁等重点问题，平安护航亚运。",
    leadLeader: "shaoyaqin",
    tasks: [
      {
        key: "t4-venues",
        title: "落实亚运场馆周边区域改造提升",
        description:
          "围绕亚运三大比赛馆、五大训练馆，合理安排时序，做好项目分配，落实场馆周边区域的改造提升工作。",
        leadUnit: "城市管理办公室",
        owner: "chengguan",
        coUnits: ["综合行政执法队", "江潮社区"],
        startDate: Y_START,
        dueDate: "2023-08-31",
        weight: 3,
        // from the text: 3 competition + 5 training venues.
        indicators: [count("完成场馆周边改造提升", "个", 8, false)],
        profile: completedIn(8),
      },
      {
        key: "t4-back-streets",
        title: "推进背街小巷综合整治",
        description: "大力推进“背街小巷综合整治”等项目建设。",
        leadUnit: "城市管理办公室",
        owner: "chengguan",
        coUnits: ["综合行政执法队"],
        startDate: Y_START,
        dueDate: "2023-09-15",
        weight: 2,
        // demo figure. Past due and not finished: red.
        indicators: [count("完成背街小巷综合整治", "条", 25, true)],
        profile: { kind: "behind", gap: 0.08 },
      },
      {
        key: "t4-city-environment",
        title: "开展“迎亚运”城市环境专项整治",
        description: "深入开展“迎亚运”城市环境专项整治。",
        leadUnit: "综合行政执法队",
        owner: "zhifa",
        coUnits: ["城市管理办公室"],
        startDate: Y_START,
        dueDate: "2023-09-22",
        weight: 2,
        indicators: [],
        profile: completedIn(9),
      },
      {
        key: "t4-clean-up",
        title: "开展“全民迎亚运·清洁白杨家”大扫除",
        description: "大力开展“全民迎亚运·清洁白杨家”全域环境大扫除活动。",
        leadUnit: "城市管理办公室",
        owner: "chengguan",
        coUnits: ALL_COMMUNITIES,
        startDate: "2023-03-01",
        dueDate: "2023-09-22",
        weight: 1,
        // demo figure.
        indicators: [count("组织全域环境大扫除", "场", 24, true)],
        profile: completedIn(9),
      },
      {
        key: "t4-hazards",
        title: "重点行业领域安全隐患排查整治",
        description:
          "用好“小脑+手脚”治理协同机制、“大综合一体化”等改革手段，针对重点行业、重点领域加强排查整治，防止出现重大安全事故。",
        leadUnit: "应急管理办公室",
        owner: "yingji",
        coUnits: ["综合行政执法队", "平安建设办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 3,
        indicators: [
          // demo figures; the second is a decrease indicator.
          count("排查重点行业场所", "家", 1500, true),
          {
            name: "未整改安全隐患",
            measureUnit: "条",
            baseline: 120,
            target: 0,
            direction: "decrease",
            decimals: 0,
            weight: 2,
            demoFigure: true,
          },
        ],
        profile: ON_PACE,
      },
      {
        key: "t4-emergency",
        title: "健全社区应急体系",
        description: "加快健全社区应急体系，用好网格力量。",
        leadUnit: "应急管理办公室",
        owner: "yingji",
        coUnits: ALL_COMMUNITIES,
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure: one station per community.
        indicators: [count("建成社区应急服务站", "个", 8, true)],
        profile: YELLOW,
      },
      {
        key: "t4-publicity",
        title: "开展反诈、禁毒、反邪、反恐平安宣传",
        description: "用好网格力量，深入开展电信反诈、禁毒、反邪、反恐等平安宣传。",
        leadUnit: "平安建设办公室",
        owner: "pingan",
        coUnits: ["邻里社区", "闻潮社区", "观澜社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        indicators: [
          // demo figures; the second is a % with 1 decimal.
          count("开展平安宣传活动", "场", 96, true),
          count("国家反诈中心APP注册率", "%", 90, true, { baseline: 62.5, decimals: 1 }),
        ],
        profile: ON_PACE,
      },
      {
        key: "t4-pugongying",
        title: "攻坚蒲公英地上地下资产置换",
        description: "全力攻坚蒲公英地上地下资产置换等重点问题，坚持守正创新，坚持问题导向。",
        leadUnit: "平安建设办公室",
        owner: "pingan",
        coUnits: ["城市管理办公室", "经济发展办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 3,
        indicators: [
          // from the text: 604 registered, 312 reached an intent, 283 owners swapped.
          count("达成置换意向", "户", 604, false, { baseline: 312 }),
          count("完成地下商铺置换业主", "名", 312, false, { baseline: 283, weight: 2 }),
        ],
        profile: RED,
      },
      {
        key: "t4-jingyuan",
        title: "推进景园小区腾空搬迁",
        description: "全力攻坚景园小区腾空搬迁等重点问题，对照重点清单、时间表逐条逐项推进。",
        leadUnit: "综合行政执法队",
        owner: "zhifa",
        coUnits: ["平安建设办公室", "城市管理办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure.
        indicators: [count("完成腾空搬迁住户", "户", 156, true)],
        profile: YELLOW,
      },
      {
        key: "t4-key-list",
        title: "对照重点清单逐条逐项化解难题",
        description:
          "对照重点清单、时间表逐条逐项推进化解难题，平安护航亚运，全面筑牢政治安全、社会安定、人民安宁的坚固防线。",
        leadUnit: "平安建设办公室",
        owner: "pingan",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        indicators: [
          // demo figure: a decrease indicator.
          {
            name: "未化解重点信访件",
            measureUnit: "件",
            baseline: 36,
            target: 0,
            direction: "decrease",
            decimals: 0,
            weight: 1,
            demoFigure: true,
          },
        ],
        profile: ON_PACE,
      },
    ],
  },
  // 5 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    title: "壮队伍：铁军锻造再加强",
    description:
      "强党建抓实效、强纪律优作风、强党性树正气：党建引领筑牢基层治理根基，优化社区工作人员队伍，领导干部以上率下形成“头雁效应”，持续纠治“四风”，锻造政治过硬、业务过硬、责任过硬、纪律过硬、作风过硬的队伍。",
    leadLeader: "shuji",
    tasks: [
      {
        key: "t5-grassroots",
        title: "党建引领加强基层组织建设",
        description:
          "强党建抓实效，坚持大抓基层的鲜明导向，党建引领筑牢基层治理根基，加强基层组织建设，夯实全过程人民民主的基础。",
        leadUnit: "党建工作办公室",
        owner: "dangjian",
        coUnits: ["大北社区", "美达社区", "江潮社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure: 2022 launched the 百个楼道“微更新” programme.
        indicators: [count("完成楼道“微更新”", "个", 100, true)],
        profile: ON_PACE,
      },
      {
        key: "t5-community-workers",
        title: "优化社区工作人员队伍，增强业务能力",
        description:
          "优化社区工作人员队伍，提升思想意识，增强业务能力，奋力用自身的“辛苦指数”换取社区居民的“幸福指数”。",
        leadUnit: "社区建设办公室",
        owner: "shequ",
        coUnits: ["党建工作办公室", "邻里社区", "闻潮社区"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure: % with 1 decimal.
        indicators: [count("社区工作者持证率", "%", 75, true, { baseline: 58, decimals: 1 })],
        profile: ON_PACE,
      },
      {
        key: "t5-discipline",
        title: "强纪律优作风，形成“头雁效应”",
        description:
          "强纪律优作风，各级领导干部带头严守纪律，转变作风，身体力行，以上率下，形成“头雁效应”，牢牢树立主人翁意识，坚定扛起属地责任。",
        leadUnit: "党政办公室",
        owner: "dangzheng",
        coUnits: ["党建工作办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        indicators: [],
        profile: ON_PACE,
      },
      {
        key: "t5-four-winds",
        title: "持续纠治“四风”，弘扬新风正气",
        description:
          "强党性树正气，深入学习贯彻党的二十大精神，以优良的党风促政风带民风，持续纠治“四风”，弘扬新风正气。",
        leadUnit: "党建工作办公室",
        owner: "dangjian",
        coUnits: ["党政办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 1,
        // demo figure.
        indicators: [count("开展作风建设专项督查", "次", 12, true)],
        profile: YELLOW,
      },
      {
        key: "t5-five-excellent",
        title: "锻造“五个过硬”干部队伍",
        description:
          "以一支政治过硬、业务过硬、责任过硬、纪律过硬、作风过硬的队伍保障党的二十大精神在白杨、钱塘落地生根，开花结果。",
        leadUnit: "党政办公室",
        owner: "dangzheng",
        coUnits: ["党建工作办公室"],
        startDate: Y_START,
        dueDate: Y_END,
        weight: 2,
        // demo figure.
        indicators: [count("开展干部业务能力培训", "场", 24, true)],
        profile: ON_PACE,
      },
    ],
  },
];
