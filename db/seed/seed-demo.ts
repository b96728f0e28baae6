/**
 * Seeds an empty database with the Baiyang 2023 demo: units, accounts, the plan, its five projects,
 * their tasks and indicators, and the progress history up to 2023-11-30. Everything is written in
 * one transaction; a database that already has a unit or a user is left alone.
 */
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  indicatorReadings,
  indicators,
  plans,
  progressEntries,
  projects,
  taskCoUnits,
  tasks,
  units,
  users,
} from "@/db/schema";
import type { Role } from "@/db/schema/users";
import {
  BAIYANG_ACCOUNTS,
  BAIYANG_PLAN,
  BAIYANG_PROJECTS,
  BAIYANG_UNITS,
  DEMO_PASSWORD,
} from "./baiyang-2023";
import { DEMO_AS_OF, generateProgressHistory } from "./progress-history";
import { seedOversight, type SeededTask } from "./oversight-demo";

export { DEMO_PASSWORD } from "./baiyang-2023";
export { DEMO_AS_OF } from "./progress-history";

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitName: string;
  title: string;
}

/** The demo's login accounts (every password is DEMO_PASSWORD), for the start script and README. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = BAIYANG_ACCOUNTS.map((account) => ({
  username: account.username,
  displayName: account.displayName,
  role: account.role,
  unitName: account.unit,
  title: account.title,
}));

export interface SeedDemoResult {
  seeded: boolean;
  units: number;
  users: number;
  plans: number;
  projects: number;
  tasks: number;
  indicators: number;
  progressEntries: number;
  indicatorReadings: number;
  instructions: number;
  urges: number;
}

const NOTHING_SEEDED: SeedDemoResult = {
  seeded: false,
  units: 0,
  users: 0,
  plans: 0,
  projects: 0,
  tasks: 0,
  indicators: 0,
  progressEntries: 0,
  indicatorReadings: 0,
  instructions: 0,
  urges: 0,
};

/** A wall-clock time in Asia/Shanghai (UTC+8, no daylight saving) as an instant. */
function shanghai(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When the units and accounts were set up, and when the plan was published (2023-01-12). */
const ORG_CREATED_AT = shanghai("2023-01-05", "09:00");
const PLAN_CREATED_AT = shanghai("2023-01-12", "17:22");

function isEmpty(db: Pick<Db, "select">): boolean {
  const unitCount = db.select({ n: count() }).from(units).get()?.n ?? 0;
  const userCount = db.select({ n: count() }).from(users).get()?.n ?? 0;
  return unitCount === 0 && userCount === 0;
}

export async function seedDemo(
  db: Db,
  options: { hashPassword: (plain: string) => Promise<string> },
): Promise<SeedDemoResult> {
  if (!isEmpty(db)) return { ...NOTHING_SEEDED };

  // Hash before the (synchronous) transaction opens.
  const hashes = await Promise.all(BAIYANG_ACCOUNTS.map(() => options.hashPassword(DEMO_PASSWORD)));

  return db.transaction((tx) => {
    // Someone may have filled the database while the passwords were being hashed.
    if (!isEmpty(tx)) return { ...NOTHING_SEEDED };
    const result: SeedDemoResult = { ...NOTHING_SEEDED, seeded: true };

    // Units
    const unitIds = new Map<string, number>();
    BAIYANG_UNITS.forEach((unit, index) => {
      const row = tx
        .insert(units)
        .values({
          name: unit.name,
          type: unit.type,
          position: index + 1,
          createdAt: ORG_CREATED_AT,
          updatedAt: ORG_CREATED_AT,
        })
        .returning({ id: units.id })
        .get();
      unitIds.set(unit.name, row.id);
      result.units++;
    });
    const unitId = (name: string): number => {
      const id = unitIds.get(name);
      if (id === undefined) throw new Error(`Seed: unknown unit ${name}`);
      return id;
    };

    // Users
    const userIds = new Map<string, number>();
    const userUnits = new Map<string, string>();
    BAIYANG_ACCOUNTS.forEach((account, index) => {
      const passwordHash = hashes[index];
      if (passwordHash === undefined) throw new Error("Seed: missing password hash");
      const row = tx
        .insert(users)
        .values({
          username: account.username,
          displayName: account.displayName,
          title: account.title,
          unitId: unitId(account.unit),
          role: account.role,
          passwordHash,
          active: true,
          mustChangePassword: false,
          createdAt: ORG_CREATED_AT,
          updatedAt: ORG_CREATED_AT,
        })
        .returning({ id: users.id })
        .get();
      userIds.set(account.username, row.id);
      userUnits.set(account.username, account.unit);
      result.users++;
    });
    const userId = (username: string): number => {
      const id = userIds.get(username);
      if (id === undefined) throw new Error(`Seed: unknown user ${username}`);
      return id;
    };

    // Plan
    const plan = tx
      .insert(plans)
      .values({ ...BAIYANG_PLAN, createdAt: PLAN_CREATED_AT, updatedAt: PLAN_CREATED_AT })
      .returning({ id: plans.id })
      .get();
    result.plans++;

    const seededTasks: SeededTask[] = [];
    BAIYANG_PROJECTS.forEach((project, projectIndex) => {
      const leaderId = userId(project.leadLeader);
      const projectRow = tx
        .insert(projects)
        .values({
          planId: plan.id,
          position: projectIndex + 1,
          title: project.title,
          description: project.description,
          leadLeaderId: leaderId,
          createdAt: PLAN_CREATED_AT,
          updatedAt: PLAN_CREATED_AT,
        })
        .returning({ id: projects.id })
        .get();
      result.projects++;

      project.tasks.forEach((task, taskIndex) => {
        if (userUnits.get(task.owner) !== task.leadUnit) {
          throw new Error(`Seed: owner ${task.owner} of ${task.key} is not in ${task.leadUnit}`);
        }
        if (task.startDate < BAIYANG_PLAN.startDate || task.dueDate > BAIYANG_PLAN.endDate) {
          throw new Error(`Seed: task ${task.key} runs outside the plan's period`);
        }
        const history = generateProgressHistory(task, DEMO_AS_OF);
        const ownerId = userId(task.owner);
        const lastEntry = history.entries[history.entries.length - 1];
        const taskUpdatedAt = lastEntry ? shanghai(lastEntry.entryDate, "18:00") : PLAN_CREATED_AT;

        const taskRow = tx
          .insert(tasks)
          .values({
            projectId: projectRow.id,
            position: taskIndex + 1,
            title: task.title,
            description: task.description,
            ownerId,
            leadUnitId: unitId(task.leadUnit),
            startDate: task.startDate,
            dueDate: task.dueDate,
            status: history.status,
            blockedReason: history.blockedReason,
            completedOn: history.status === "completed" ? (lastEntry?.entryDate ?? null) : null,
            weight: task.weight,
            createdAt: PLAN_CREATED_AT,
            updatedAt: taskUpdatedAt,
          })
          .returning({ id: tasks.id })
          .get();
        result.tasks++;
        seededTasks.push({
          id: taskRow.id,
          key: task.key,
          ownerId,
          ownerUsername: task.owner,
          leadLeaderId: leaderId,
          profile: task.profile,
        });

        for (const coUnit of task.coUnits) {
          if (coUnit === task.leadUnit) continue;
          tx.insert(taskCoUnits)
            .values({ taskId: taskRow.id, unitId: unitId(coUnit) })
            .onConflictDoNothing()
            .run();
        }

        const indicatorIds = task.indicators.map((indicator, position) => {
          const row = tx
            .insert(indicators)
            .values({
              taskId: taskRow.id,
              position: position + 1,
              name: indicator.name,
              measureUnit: indicator.measureUnit,
              baseline: indicator.baseline,
              target: indicator.target,
              direction: indicator.direction,
              decimals: indicator.decimals,
              weight: indicator.weight,
              createdAt: PLAN_CREATED_AT,
              updatedAt: PLAN_CREATED_AT,
            })
            .returning({ id: indicators.id })
            .get();
          result.indicators++;
          return row.id;
        });

        for (const entry of history.entries) {
          const createdAt = shanghai(entry.entryDate, "18:00");
          // Entries before November have been approved by the project's lead leader two days
          // after they were filed; November's are waiting for review.
          const approved = entry.entryDate < "2023-11-01";
          const entryRow = tx
            .insert(progressEntries)
            .values({
              taskId: taskRow.id,
              authorId: ownerId,
              entryDate: entry.entryDate,
              percent: entry.percent,
              note: entry.note,
              problems: entry.problems,
              nextSteps: entry.nextSteps,
              reviewStatus: approved ? "approved" : "pending",
              reviewedById: approved ? leaderId : null,
              reviewedAt: approved ? shanghai(addDays(entry.entryDate, 2), "10:00") : null,
              createdAt,
              updatedAt: approved ? shanghai(addDays(entry.entryDate, 2), "10:00") : createdAt,
            })
            .returning({ id: progressEntries.id })
            .get();
          result.progressEntries++;

          entry.readings.forEach((value, i) => {
            const indicatorId = indicatorIds[i];
            if (indicatorId === undefined) throw new Error("Seed: reading without indicator");
            tx.insert(indicatorReadings)
              .values({ entryId: entryRow.id, indicatorId, value, createdAt, updatedAt: createdAt })
              .run();
            result.indicatorReadings++;
          });
        }
      });
    });

    Object.assign(result, seedOversight(tx, seededTasks));
    return result;
  });
}
