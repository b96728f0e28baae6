import { sql } from "drizzle-orm";
import { check, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { calendarDate, id, isCalendarDate, timestamps } from "./columns";

/** 年度工作计划: one year's plan, with its period and the settings its rules use. */
export const plans = sqliteTable(
  "plans",
  {
    id: id(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    startDate: calendarDate("start_date").notNull(),
    endDate: calendarDate("end_date").notNull(),
    /** Day of the month by which each task needs its month's entry (未填报 after it). */
    reportingDay: integer("reporting_day").notNull().default(25),
    /** Light thresholds in percentage points of (time progress − task progress). */
    greenMaxGap: real("green_max_gap").notNull().default(10),
    yellowMaxGap: real("yellow_max_gap").notNull().default(30),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    isCurrent: integer("is_current", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // At most one current plan.
    uniqueIndex("plans_current_unique")
      .on(t.isCurrent)
      .where(sql`${t.isCurrent} = 1`),
    check("plans_start_date_check", isCalendarDate(t.startDate)),
    check("plans_end_date_check", isCalendarDate(t.endDate)),
    check("plans_period_check", sql`${t.startDate} <= ${t.endDate}`),
    check("plans_reporting_day_check", sql`${t.reportingDay} BETWEEN 1 AND 28`),
    check("plans_gaps_check", sql`0 <= ${t.greenMaxGap} AND ${t.greenMaxGap} <= ${t.yellowMaxGap}`),
  ],
);
