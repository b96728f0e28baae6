import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headingTitle, matchHeading } from "./headings";
import { extractIndicators } from "./indicators";
import { parseChineseNumeral } from "./numerals";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import {
  MAX_PLAN_TEXT_LENGTH,
  MAX_PROPOSED_INDICATORS_PER_TASK,
  MAX_PROPOSED_TASKS_PER_THEME,
  MAX_PROPOSED_THEMES,
  proposePlan,
  WARNINGS,
  type PlanTextProposal,
  type ProposedProject,
} from "./plan-text";
import {
  MAX_IMPORT_INDICATORS_PER_TASK,
  MAX_IMPORT_PROJECTS,
  MAX_IMPORT_TASKS_PER_PROJECT,
} from "./schemas";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
/** The demo document (shared/seed/000_06debf6909d17e14.txt), copied as it was published. */
const SEED = fixture("baiyang-seed.txt");

const titles = (p: PlanTextProposal) => p.projects.map((project) => project.title);
const taskTitles = (project: ProposedProject | undefined) =>
  (project?.tasks ?? []).map((task) => task.title);
const allIndicators = (p: PlanTextProposal) =>
  p.projects.flatMap((project) => project.tasks.flatMap((task) => task.indicators));

describe("proposePlan on the seed document (白杨街道)", () => {
  const proposal = proposePlan(SEED);

  it("takes the five themes of section 二 (the plan), not the summary's seven", () => {
    expect(titles(proposal)).toEqual([
      "讲政治：二十大学宣贯掀热潮",
      "抓经济：高质量发展再启航",
      "惠民生：社会治理再完善",
      "守平安：除险保安再发力",
      "壮队伍：铁军锻造再加强",
    ]);
    expect(proposal.warnings).toEqual([WARNINGS.planSection("2023年工作思路")]);
  });

  it("splits each theme into its work items, keeping each item's lead phrase", () => {
    const [politics, economy, livelihood, safety, team] = proposal.projects;
    expect(taskTitles(politics)).toEqual([
      "组织街道机关、社区及两新等各级党组织",
      "严格按照“六学六进六争先”的部署要求",
      "用好街道谋划的“智汇学堂”载体",
    ]);
    expect(taskTitles(economy)).toEqual([
      "谋划产业发展",
      "精准制定政策",
      "强化项目招引",
      "开创街校合作",
      "统筹整合资源",
      "优化营商环境",
    ]);
    expect(taskTitles(livelihood)).toEqual([
      "站稳人民立场",
      "用心用情“一老一小”",
      "探索“以租代捐”的邻里共富基金新模式",
      "深入实施二次供水改造、电梯加装等民生工程",
      "组织钱塘区“美丽社区”大比武、“最美微网格员”、“最美物业企业”评比、“最美业主委员会”评比等系列年度评选",
    ]);
    expect(taskTitles(safety)).toEqual([
      "坚持贯彻“办好一个会，成就一座城”理念",
      "深入开展“迎亚运”城市环境专项整治",
      "用好“小脑+手脚”治理协同机制、“大综合一体化”等改革手段",
      "加快健全社区应急体系",
      "全力攻坚蒲公英地上地下资产置换、景园小区腾空搬迁等重点问题",
    ]);
    expect(taskTitles(team)).toEqual(["强党建抓实效", "强纪律优作风", "强党性树正气"]);
  });

  it("keeps the item's full clauses as its text, in full-width punctuation", () => {
    const economy = proposal.projects[1]!;
    expect(economy.tasks[0]!.text).toBe(
      "谋划产业发展，领导干部带头深入调查研究，立足地方发展实际，坚持以实体经济为本，探索街道经济高质量发展路径。",
    );
    expect(proposal.projects[0]!.text).toMatch(/^讲政治，二十大学宣贯掀热潮。组织街道机关/);
    expect(proposal.projects[0]!.text).toMatch(/全方位提升党员干部的政治素养。$/);
  });

  it("counts the named estates as the one indicator of section 二 (slogans and 二次供水 give none)", () => {
    expect(allIndicators(proposal)).toEqual([
      {
        name: "老旧小区改造",
        target: 3,
        unit: "个",
        direction: "increase",
        source: "持续推进华顺公寓、东海未名园、邻里中心等老旧小区改造提升进度",
      },
    ]);
    expect(proposal.projects[2]!.tasks[3]!.indicators).toHaveLength(1);
  });

  it("reads section 二 pasted on its own the same way", () => {
    const part = SEED.slice(SEED.indexOf("二、2023年工作思路"));
    const alone = proposePlan(part);
    expect(titles(alone)).toEqual(titles(proposal));
    expect(alone.projects.map((p) => p.tasks.length)).toEqual([3, 6, 5, 5, 3]);
    // Only the five themes, numbered as in the document.
    const themesOnly = proposePlan(part.slice(part.indexOf("1.讲政治")));
    expect(themesOnly.projects).toEqual(proposal.projects);
    expect(themesOnly.warnings).toEqual([]);
  });

  it("reads the summary section when asked for it, with its figures", () => {
    const summary = proposePlan(SEED, { section: "一" });
    expect(titles(summary)).toEqual([
      "从严从紧抓好新冠疫情防控",
      "稳扎稳打抓好经济产业发展",
      "破题破局抓好现代社区建设",
      "全力以赴抓好共富样板创建",
      "用心用情完善“一老一小”服务",
      "多措并举抓好平安稳定和谐",
      "凝心聚力夯实基层党建基础",
    ]);
    const found = allIndicators(summary).map((i) => `${i.name} ${i.target}${i.unit}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "财政总收入 18.35亿元",
        "新引进企业 42家",
        "协调解决问题 100个",
        "投放核酸采样屋 45个",
        "老旧小区改造 3个",
        "停车泊位 350个",
        "宿舍微更新 219间",
        "楼外立面改造 15栋",
        "电梯加装 3台",
        "新增托位 125个",
        "面积 2300平方米",
        "受理非警务有效案卷 6700件",
        "登记 604户",
        "达成置换意向 312户",
        "地下商铺置换 284个",
        "楼道“微更新”工程 100个",
      ]),
    );
    // The 3·5 / 4·18 dates, "60岁", "每万人18名", "第一期", "1-11月" and the quoted
    // “千名干部助千企” give nothing.
    const noise = allIndicators(summary).filter(
      (i) => [1, 5, 11, 18, 60, 1000].includes(i.target) && !["个", "次"].includes(i.unit),
    );
    expect(noise).toEqual([]);
    expect(allIndicators(summary).some((i) => i.target === 1000 || i.target === 60)).toBe(false);
    // The same by the words of its heading.
    expect(titles(proposePlan(SEED, { section: "工作成效" }))).toEqual(titles(summary));
  });

  it("falls back to detection, with a warning, for a section that is not there", () => {
    const result = proposePlan(SEED, { section: "五" });
    expect(titles(result)).toEqual(titles(proposal));
    expect(result.warnings[0]).toEqual({ key: "sectionNotFound", values: { section: "五" } });
  });
});

describe("proposePlan on invented documents", () => {
  it("qinghe-2024.txt: （一） themes on their own lines inside the plan section", () => {
    const p = proposePlan(fixture("qinghe-2024.txt"));
    expect(titles(p)).toEqual([
      "党建引领强基础",
      "经济发展提质效",
      "城市更新见实效",
      "民生服务有温度",
      "平安建设守底线",
    ]);
    expect(p.warnings).toEqual([
      { key: "planSection", values: { heading: "2024年工作安排" } },
      // "城镇登记失业率控制在3%以内": a level to stay under, whose present level is not said.
      { key: "needsBaseline", values: { name: "城镇登记失业率" } },
      // "火灾起数较上年下降2个百分点": a change, counted as the amount reduced.
      {
        key: "reduction",
        values: { name: "电动自行车火灾起数较上年下降", target: 2, unit: "个百分点" },
      },
    ]);

    const [party, economy, renewal, services, safety] = p.projects;
    // "同时建立…" continues the item before it.
    expect(party!.tasks.map((t) => t.text)).toEqual([
      "深化“青禾先锋”党建品牌，开展主题党日活动48场。",
      "推动机关党员到社区报到全覆盖，组建党员志愿服务队十支。同时建立“双报到”积分台账，年底前完成考评。",
    ]);
    expect(party!.tasks[1]!.indicators).toEqual([
      {
        name: "组建党员志愿服务队",
        target: 10,
        unit: "支",
        direction: "increase",
        source: "组建党员志愿服务队十支",
      },
    ]);
    expect(economy!.tasks[1]!.indicators.map((i) => [i.name, i.target, i.unit])).toEqual([
      ["新引进企业", 50, "家"],
      ["亿元以上项目", 3, "个"],
    ]);
    expect(economy!.tasks[2]!.indicators).toEqual([
      {
        name: "腾挪产业空间",
        target: 2.3,
        unit: "万平方米",
        direction: "increase",
        source: "腾挪产业空间2.3万平方米",
      },
    ]);
    expect(renewal!.tasks.map((t) => t.indicators)).toEqual([
      [
        {
          name: "老旧小区改造",
          target: 3,
          unit: "个",
          direction: "increase",
          source: "启动南湖新村、柳岸花园、东风小区等老旧小区改造",
        },
      ],
      [
        {
          name: "加装电梯",
          target: 20,
          unit: "台",
          direction: "increase",
          source: "加装电梯二十台",
        },
        {
          name: "新增停车泊位",
          target: 600,
          unit: "个",
          direction: "increase",
          source: "新增停车泊位600个",
        },
      ],
      [
        {
          name: "辖区群租房",
          baseline: 86,
          target: 40,
          unit: "户",
          direction: "decrease",
          source: "辖区群租房从86户降至40户",
        },
        {
          name: "违法建筑存量",
          baseline: 12000,
          target: 5000,
          unit: "平方米",
          direction: "decrease",
          source: "违法建筑存量由1.2万平方米压减至5000平方米",
        },
      ],
    ]);
    expect(services!.tasks[0]!.indicators.map((i) => [i.name, i.target, i.unit])).toEqual([
      ["新建社区食堂", 2, "个"],
      ["婴幼儿成长驿站", 3, "个"],
      ["新增托位", 150, "个"],
    ]);
    expect(services!.tasks[1]!.indicators.map((i) => [i.name, i.target, i.unit])).toEqual([
      ["开展就业技能培训", 1200, "人次"],
      ["城镇登记失业率", 3, "%"],
    ]);
    expect(services!.tasks[1]!.indicators[1]).toMatchObject({
      target: 3,
      direction: "decrease",
      review: "needsBaseline",
    });
    expect(services!.tasks[1]!.indicators[1]!.baseline).toBeUndefined();
    expect(safety!.tasks[1]!.indicators.map((i) => [i.target, i.unit, i.direction])).toEqual([
      [2, "个百分点", "increase"],
    ]);
    // The 2023 review (section 一) is no part of the proposal.
    expect(JSON.stringify(p)).not.toContain("红色议事厅");
    expect(titles(proposePlan(fixture("qinghe-2024.txt"), { section: "一" }))).toEqual([
      "基层治理持续深化",
      "民生保障扎实有力",
    ]);
  });

  it("community-plan.txt: 1. headings with a colon, no outer section", () => {
    expect(proposePlan(fixture("community-plan.txt"))).toEqual({
      projects: [
        {
          title: "党建引领：建强社区“红色堡垒”",
          text: "党建引领：建强社区“红色堡垒”。开展党员冬训两期；组建楼道党小组12个。",
          tasks: [
            // 两期: a number without a measure unit proposes no indicator.
            { title: "开展党员冬训两期", text: "开展党员冬训两期。", indicators: [] },
            {
              title: "组建楼道党小组12个",
              text: "组建楼道党小组12个。",
              indicators: [
                {
                  name: "组建楼道党小组",
                  target: 12,
                  unit: "个",
                  direction: "increase",
                  source: "组建楼道党小组12个",
                },
              ],
            },
          ],
        },
        {
          title: "为民服务：办好十件民生实事",
          text: "为民服务：办好十件民生实事。新增助餐点三个；完成桂苑、竹苑、兰苑等小区雨污分流改造。",
          tasks: [
            {
              title: "新增助餐点三个",
              text: "新增助餐点三个。",
              indicators: [
                {
                  name: "新增助餐点",
                  target: 3,
                  unit: "个",
                  direction: "increase",
                  source: "新增助餐点三个",
                },
              ],
            },
            {
              title: "完成桂苑、竹苑、兰苑等小区雨污分流改造",
              text: "完成桂苑、竹苑、兰苑等小区雨污分流改造。",
              indicators: [
                {
                  name: "小区雨污分流改造",
                  target: 3,
                  unit: "个",
                  direction: "increase",
                  source: "完成桂苑、竹苑、兰苑等小区雨污分流改造",
                },
              ],
            },
          ],
        },
        {
          title: "平安建设：守牢安全底线",
          text: "平安建设：守牢安全底线。排查整治隐患从58处降至20处；开展应急演练6次。",
          tasks: [
            {
              title: "排查整治隐患从58处降至20处",
              text: "排查整治隐患从58处降至20处。",
              indicators: [
                {
                  name: "排查整治隐患",
                  baseline: 58,
                  target: 20,
                  unit: "处",
                  direction: "decrease",
                  source: "排查整治隐患从58处降至20处",
                },
              ],
            },
            {
              title: "开展应急演练6次",
              text: "开展应急演练6次。",
              indicators: [
                {
                  name: "开展应急演练",
                  target: 6,
                  unit: "次",
                  direction: "increase",
                  source: "开展应急演练6次",
                },
              ],
            },
          ],
        },
      ],
      warnings: [],
    });
  });

  it("yi-style.txt: 一、 themes whose numbered sub-items are one task each", () => {
    expect(proposePlan(fixture("yi-style.txt"))).toEqual({
      projects: [
        {
          title: "强化组织保障",
          text: "强化组织保障\n1.压实工作责任，每季度召开工作推进会。\n2.完善考核办法，2024年第3季度前出台细则。",
          tasks: [
            {
              title: "压实工作责任，每季度召开工作推进会",
              text: "压实工作责任，每季度召开工作推进会。",
              indicators: [],
            },
            // A year and an ordinal quarter are no targets.
            {
              title: "完善考核办法，2024年第3季度前出台细则",
              text: "完善考核办法，2024年第3季度前出台细则。",
              indicators: [],
            },
          ],
        },
        {
          title: "推进数字治理",
          text: "推进数字治理\n1.建成“一网统管”平台，接入视频监控点位450个。\n2.网格事件处置时长45→30，1-6月完成系统迭代。",
          tasks: [
            {
              title: "建成“一网统管”平台，接入视频监控点位450个",
              text: "建成“一网统管”平台，接入视频监控点位450个。",
              indicators: [
                {
                  name: "接入视频监控点位",
                  target: 450,
                  unit: "个",
                  direction: "increase",
                  source: "接入视频监控点位450个",
                },
              ],
            },
            {
              title: "网格事件处置时长45→30，1-6月完成系统迭代",
              text: "网格事件处置时长45→30，1-6月完成系统迭代。",
              // An arrow without units: the admin sets the unit in the preview.
              indicators: [
                {
                  name: "网格事件处置时长",
                  baseline: 45,
                  target: 30,
                  unit: "",
                  direction: "decrease",
                  source: "网格事件处置时长45→30",
                },
              ],
            },
          ],
        },
        {
          title: "提升环境品质",
          text: "提升环境品质\n1.整治背街小巷15条，打造精品示范路段两条。",
          tasks: [
            {
              title: "整治背街小巷15条，打造精品示范路段两条",
              text: "整治背街小巷15条，打造精品示范路段两条。",
              indicators: [
                {
                  name: "整治背街小巷",
                  target: 15,
                  unit: "条",
                  direction: "increase",
                  source: "整治背街小巷15条",
                },
                {
                  name: "打造精品示范路段",
                  target: 2,
                  unit: "条",
                  direction: "increase",
                  source: "打造精品示范路段两条",
                },
              ],
            },
          ],
        },
      ],
      warnings: [],
    });
  });

  it("ordinal-style.txt: 第一，… themes and Chinese numerals", () => {
    expect(proposePlan(fixture("ordinal-style.txt"))).toEqual({
      projects: [
        {
          title: "稳就业促增收",
          text: "稳就业促增收。帮扶就业困难人员200名；举办专场招聘会十场，提供岗位3000余个。",
          tasks: [
            {
              title: "帮扶就业困难人员200名",
              text: "帮扶就业困难人员200名。",
              indicators: [
                {
                  name: "帮扶就业困难人员",
                  target: 200,
                  unit: "名",
                  direction: "increase",
                  source: "帮扶就业困难人员200名",
                },
              ],
            },
            {
              title: "举办专场招聘会十场，提供岗位3000余个",
              text: "举办专场招聘会十场，提供岗位3000余个。",
              indicators: [
                {
                  name: "举办专场招聘会",
                  target: 10,
                  unit: "场",
                  direction: "increase",
                  source: "举办专场招聘会十场",
                },
                {
                  name: "提供岗位",
                  target: 3000,
                  unit: "个",
                  direction: "increase",
                  source: "提供岗位3000余个",
                },
              ],
            },
          ],
        },
        {
          title: "优服务暖民心",
          text: "优服务暖民心。为80岁以上老人提供上门服务，建成康养联合体两家，新增家庭医生签约1500户。",
          tasks: [
            {
              title: "为80岁以上老人提供上门服务",
              text: "为80岁以上老人提供上门服务，建成康养联合体两家，新增家庭医生签约1500户。",
              indicators: [
                {
                  name: "建成康养联合体",
                  target: 2,
                  unit: "家",
                  direction: "increase",
                  source: "建成康养联合体两家",
                },
                {
                  name: "新增家庭医生签约",
                  target: 1500,
                  unit: "户",
                  direction: "increase",
                  source: "新增家庭医生签约1500户",
                },
              ],
            },
          ],
        },
        {
          title: "抓安全保稳定",
          text: "抓安全保稳定。开展燃气安全检查，完成瓶装液化气用户改管道燃气800户。",
          tasks: [
            {
              title: "开展燃气安全检查，完成瓶装液化气用户改管道燃气800户",
              text: "开展燃气安全检查，完成瓶装液化气用户改管道燃气800户。",
              indicators: [
                {
                  name: "瓶装液化气用户改管道燃气",
                  target: 800,
                  unit: "户",
                  direction: "increase",
                  source: "完成瓶装液化气用户改管道燃气800户",
                },
              ],
            },
          ],
        },
      ],
      warnings: [],
    });
  });
});

describe("proposePlan edge cases", () => {
  it("proposes nothing for empty text, with a warning", () => {
    expect(proposePlan("")).toEqual({ projects: [], warnings: [WARNINGS.empty] });
    expect(proposePlan(" \n\u3000\r\n\t")).toEqual({ projects: [], warnings: [WARNINGS.empty] });
    expect(proposePlan("。；，\n、")).toEqual({ projects: [], warnings: [WARNINGS.empty] });
  });

  it("makes text without headings one theme, titled by its first short line", () => {
    const p = proposePlan(
      "东湖社区重点工作\n新建口袋公园2个；开展邻里节活动。\n完成垃圾分类示范小区创建。",
    );
    expect(p.warnings).toEqual([WARNINGS.noHeadings]);
    expect(p.projects).toHaveLength(1);
    expect(p.projects[0]!.title).toBe("东湖社区重点工作");
    expect(taskTitles(p.projects[0])).toEqual([
      "新建口袋公园2个",
      "开展邻里节活动",
      "完成垃圾分类示范小区创建",
    ]);
    expect(p.projects[0]!.tasks[0]!.indicators).toEqual([
      {
        name: "新建口袋公园",
        target: 2,
        unit: "个",
        direction: "increase",
        source: "新建口袋公园2个",
      },
    ]);
  });

  it("warns about a theme in which it finds no work item", () => {
    const p = proposePlan("（一）党建引领\n（二）经济发展\n新引进企业30家。");
    expect(titles(p)).toEqual(["党建引领", "经济发展"]);
    expect(p.projects[0]!.tasks).toEqual([]);
    expect(p.warnings).toEqual([WARNINGS.themeWithoutTasks("党建引领")]);
  });

  it("reads only MAX_PLAN_TEXT_LENGTH characters, and a long document quickly (no backtracking)", () => {
    expect(MAX_PLAN_TEXT_LENGTH).toBe(200_000);
    const item = (n: number) =>
      `完成华顺公寓、东海未名园等老旧小区改造；新增托位${n}个，停车泊位从604个增加到812个。`;
    let long = "";
    for (let theme = 1; theme <= 50; theme++) {
      long += `（${"一二三四五六七八九十"[(theme - 1) % 10]}）抓重点，项目推进再提速。\n`;
      for (let n = 1; n <= 60; n++) long += item(n);
      long += "\n";
    }
    while (long.length < MAX_PLAN_TEXT_LENGTH) long += item(7);
    const p = proposePlan(long);
    expect(p.projects).toHaveLength(50);
    expect(p.projects[0]!.tasks[1]!.indicators.map((i) => [i.baseline, i.target])).toEqual([
      [undefined, 1],
      [604, 812],
    ]);
    const over = proposePlan(long + "9".repeat(10));
    expect(over.warnings).toContain(WARNINGS.truncated);
    // Pathological input: no punctuation, no quotes closed, one line.
    const flat = proposePlan("“".repeat(50_000) + "等、".repeat(50_000) + "1".repeat(50_000));
    expect(flat.projects).toHaveLength(1);
  });
});

describe("extractIndicators", () => {
  const one = (text: string) => extractIndicators(text).map((i) => [i.name, i.target, i.unit]);

  it("reads numbers before and after their noun", () => {
    expect(one("完成老旧小区改造3个")).toEqual([["老旧小区改造", 3, "个"]]);
    expect(one("完成老旧小区改造 3 个".replace(/ /g, ""))).toEqual([["老旧小区改造", 3, "个"]]);
    expect(one("新建三个邻里食堂")).toEqual([["新建邻里食堂", 3, "个"]]);
    expect(one("完成219间宿舍微更新")).toEqual([["宿舍微更新", 219, "间"]]);
    expect(one("实现税收收入1.5亿元")).toEqual([["税收收入", 1.5, "亿元"]]);
    expect(one("累计服务群众2.4万人次")).toEqual([["服务群众", 2.4, "万人次"]]);
    expect(one("治理面积1.2万㎡")).toEqual([["治理面积", 12000, "㎡"]]);
    expect(one("绿化覆盖率达到45％")).toEqual([["绿化覆盖率", 45, "%"]]);
    expect(one("新建绿道3.5公里")).toEqual([["新建绿道", 3.5, "公里"]]);
    expect(one("发放补贴1,200万元")).toEqual([["发放补贴", 1200, "万元"]]);
  });

  it("reads changes as a baseline and a target", () => {
    const [fall] = extractIndicators("将群租房从604家降至312家");
    expect(fall).toMatchObject({ name: "群租房", baseline: 604, target: 312, unit: "家" });
    const [rise] = extractIndicators("垃圾分类准确率由85%提高到95%");
    expect(rise).toMatchObject({ name: "垃圾分类准确率", baseline: 85, target: 95, unit: "%" });
    const [arrow] = extractIndicators("地下商铺置换604户→312户");
    expect(arrow).toMatchObject({ name: "地下商铺置换", baseline: 604, target: 312, unit: "户" });
  });

  it("counts lists of named places before 等, not lists of ways or topics", () => {
    expect(one("华顺公寓、东海未名园、邻里中心等老旧小区改造")).toEqual([
      ["老旧小区改造", 3, "个"],
    ]);
    expect(one("走访星光科技、江南制药等企业")).toEqual([["企业", 2, "家"]]);
    expect(one("通过领导带头学、支部集中学、个人自主学等多种方式")).toEqual([]);
    expect(one("深入开展电信反诈、禁毒、反邪、反恐等平安宣传")).toEqual([]);
    expect(one("推进北银、裕园等3个老旧小区改造")).toEqual([["老旧小区改造", 3, "个"]]);
  });

  it("ignores years, dates, ordinals, rates, quotes and stock phrases", () => {
    expect(one("2023年4月26日起，第一期工程于1-11月完成")).toEqual([]);
    expect(one("按照每万人18名标准配齐社工")).toEqual([]);
    expect(one("落实“六学六进六争先”和“千名干部助千企”要求")).toEqual([]);
    expect(one("坚持“办好一个会，成就一座城”理念，增强四个意识，做到两个维护")).toEqual([]);
    expect(one("深入实施二次供水改造，统一个人信息")).toEqual([]);
    expect(one("学习党的二十大精神，落实十四五规划")).toEqual([]);
    expect(one("60岁以上老人接种，仅耗时10天")).toEqual([]);
  });
});

describe("headings", () => {
  it("recognises the numbering styles", () => {
    expect(matchHeading("一、2022年工作成效")).toMatchObject({ style: "cn", value: 1 });
    expect(matchHeading("二、2023年工作思路")).toMatchObject({
      style: "cn",
      value: 2,
      label: "二",
    });
    expect(matchHeading("（三）城市更新")).toMatchObject({ style: "cn-paren", value: 3 });
    expect(matchHeading("12.抓经济")).toMatchObject({ style: "num", value: 12, rest: "抓经济" });
    expect(matchHeading("3、守平安")).toMatchObject({ style: "num", value: 3 });
    expect(matchHeading("（2）细化措施")).toMatchObject({ style: "num-paren", value: 2 });
    expect(matchHeading("第十，抓落实")).toMatchObject({ style: "ordinal", value: 10 });
    expect(matchHeading("③强化保障")).toMatchObject({ style: "circled", value: 3 });
    expect(matchHeading("1.5万元用于设备更新")).toBeNull();
    expect(matchHeading("2023年，我们将坚持稳中求进")).toBeNull();
    expect(matchHeading("二十大精神进社区")).toBeNull();
  });

  it("titles a theme by its heading phrase", () => {
    expect(headingTitle("讲政治，二十大学宣贯掀热潮。组织学习。")).toEqual({
      title: "讲政治：二十大学宣贯掀热潮",
      body: "组织学习。",
    });
    expect(headingTitle("强化党建引领：深化“五星”党建品牌，开展活动12场。")).toEqual({
      title: "强化党建引领",
      body: "深化“五星”党建品牌，开展活动12场。",
    });
    expect(headingTitle("坚持党建引领")).toEqual({ title: "坚持党建引领", body: "" });
    const long = "聚焦经济发展，全力以赴稳增长促发展，确保全年财政收入增长5%，新引进企业30家。";
    expect(headingTitle(long)).toEqual({ title: "聚焦经济发展", body: long });
  });
});

describe("parseChineseNumeral", () => {
  it("reads the numerals offices write", () => {
    expect(parseChineseNumeral("三")).toBe(3);
    expect(parseChineseNumeral("两")).toBe(2);
    expect(parseChineseNumeral("十")).toBe(10);
    expect(parseChineseNumeral("十二")).toBe(12);
    expect(parseChineseNumeral("二十")).toBe(20);
    expect(parseChineseNumeral("一百零五")).toBe(105);
    expect(parseChineseNumeral("两百五")).toBe(250);
    expect(parseChineseNumeral("三千五")).toBe(3500);
    expect(parseChineseNumeral("一万二千")).toBe(12000);
    expect(parseChineseNumeral("百")).toBe(100);
    expect(parseChineseNumeral("十四五")).toBeNull();
    expect(parseChineseNumeral("")).toBeNull();
  });
});

describe("indicator directions", () => {
  it("proposes decrease for a change downwards and for a level to stay under", () => {
    const [fall, rise] = extractIndicators("群租房从604家降至312家，垃圾分类准确率由85%提高到95%");
    expect(fall).toMatchObject({ baseline: 604, target: 312, direction: "decrease" });
    expect(fall!.review).toBeUndefined();
    expect(rise).toMatchObject({ baseline: 85, target: 95, direction: "increase" });

    const levels = [
      "城镇登记失业率控制在3%以内",
      "投诉量不超过20件",
      "安全隐患降至2处以下",
      "积案降至5件",
    ].map((text) => extractIndicators(text)[0]);
    expect(levels.map((i) => [i?.target, i?.direction, i?.review, i?.baseline])).toEqual([
      [3, "decrease", "needsBaseline", undefined],
      [20, "decrease", "needsBaseline", undefined],
      [2, "decrease", "needsBaseline", undefined],
      [5, "decrease", "needsBaseline", undefined],
    ]);
  });

  it("counts a reduction by an amount upwards from 0, for the admin to check", () => {
    const found = ["压减群租房30家", "能耗较上年降低5%", "减少碳排放10吨"].map(
      (text) => extractIndicators(text)[0],
    );
    expect(found.map((i) => [i?.name, i?.target, i?.direction, i?.review])).toEqual([
      ["压减群租房", 30, "increase", "reduction"],
      ["能耗较上年降低", 5, "increase", "reduction"],
      ["减少碳排放", 10, "increase", "reduction"],
    ]);
    // A plain count is neither.
    expect(extractIndicators("新增托位150个")[0]).toEqual({
      name: "新增托位",
      target: 150,
      unit: "个",
      direction: "increase",
      source: "新增托位150个",
    });
  });
});

describe("proposal limits", () => {
  it("are the commit's limits", () => {
    expect(MAX_PROPOSED_THEMES).toBe(MAX_IMPORT_PROJECTS);
    expect(MAX_PROPOSED_TASKS_PER_THEME).toBe(MAX_IMPORT_TASKS_PER_PROJECT);
    expect(MAX_PROPOSED_INDICATORS_PER_TASK).toBe(MAX_IMPORT_INDICATORS_PER_TASK);
  });

  it("keeps the first 50 themes of a text made only of headings, saying how many were left out", () => {
    // "1." to "99." are headings, each a theme without work items.
    const text = Array.from({ length: 99 }, (_, i) => `${i + 1}.工作板块${i + 1}`).join("\n");
    const p = proposePlan(text);
    expect(p.projects).toHaveLength(50);
    expect(p.projects[49]!.title).toBe("工作板块50");
    expect(p.warnings[0]).toEqual({ key: "themesDropped", values: { kept: 50, dropped: 49 } });
    // One "no tasks" note for each theme kept, none for those left out.
    expect(p.warnings.filter((w) => w.key === "themeWithoutTasks")).toHaveLength(50);
  });

  it("keeps the first 200 tasks of a theme and 20 indicators of a task", () => {
    const items = Array.from({ length: 230 }, (_, i) => `开展第${i + 1}项专项行动`).join("；");
    const counts = Array.from({ length: 25 }, (_, i) => `新建驿站${i + 1}个`).join("，");
    const p = proposePlan(`1.安全生产\n${counts}；${items}。`);
    const tasks = p.projects[0]!.tasks;
    expect(tasks).toHaveLength(200);
    expect(tasks[0]!.indicators).toHaveLength(20);
    expect(tasks[0]!.indicators[19]!.target).toBe(20);
    expect(p.warnings).toEqual([
      { key: "tasksDropped", values: { title: "安全生产", kept: 200, dropped: 31 } },
      { key: "indicatorsDropped", values: { title: tasks[0]!.title, kept: 20, dropped: 5 } },
    ]);
  });
});

describe("warning messages", () => {
  it("exist for every warning key in both languages, with the values they name", () => {
    for (const messages of [zh, en]) {
      const texts = messages.planImport.warnings as Record<string, string>;
      expect(Object.keys(texts).sort()).toEqual(Object.keys(WARNINGS).sort());
    }
    expect(zh.planImport.warnings.reduction).toContain("{target}");
    expect(en.planImport.warnings.themesDropped).toContain("{dropped}");
  });
});
