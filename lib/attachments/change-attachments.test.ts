import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { attachments, progressEntries } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { listReviews } from "@/lib/reviews/queries";
import { approveEntries, reviewEntry } from "@/lib/reviews/review-entry";
import { reviewSchema } from "@/lib/reviews/schemas";
import { getTask } from "@/lib/tasks/queries";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { picture } from "@/lib/testing/images";
import { addAttachments, removeAttachment } from "./change-attachments";

// 2023-06-30 20:00 UTC: 2023-07-01 in the office (Asia/Shanghai).
const NOW = new Date("2023-06-30T20:00:00Z");
const AS_OF = "2023-06-30";

let db: Db;
let cadre: Actor;
let leader: Actor;
let planId: number;
let projectId: number;
let pngBytes: Uint8Array<ArrayBuffer>;

fakeDateAt(NOW);

beforeAll(async () => {
  db = openTestDatabase();
  const office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "惠民生", leadLeaderId: leader.id }).id;
  pngBytes = await picture("png", { width: 64, height: 48 });
});

afterAll(closeTestDatabase);

const png = (name = "现场照片.png") => new File([pngBytes], name, { type: "image/png" });

const rowOf = (id: number) =>
  db.select().from(progressEntries).where(eq(progressEntries.id, id)).get()!;

/** The cadre's entry reading 40 of 100, pending review. */
function pendingEntry() {
  const task = insertTask(db, {
    projectId,
    ownerId: cadre.id,
    leadUnitId: cadre.unitId,
    indicators: [{ name: "托育托位", target: 100 }],
  });
  const entry = insertEntry(db, {
    taskId: task.id,
    authorId: cadre.id,
    entryDate: "2023-06-10",
    readings: { [task.indicators[0]!.id]: 40 },
  });
  return { task, entry };
}

/** The cadre's entry, returned by the leader with a reason (now at version 2). */
async function returnedEntry() {
  const { task, entry } = pendingEntry();
  await reviewEntry(
    leader,
    entry.id,
    reviewSchema.parse({ decision: "return", reason: "缺少现场照片" }),
  );
  expect(rowOf(entry.id)).toMatchObject({ reviewStatus: "returned", version: 2 });
  return { task, entry };
}

describe("evidence changes on a returned entry", () => {
  it("adding a photo resubmits it, in the same change: pending, counting, in the queue", async () => {
    const { task, entry } = await returnedEntry();
    expect((await getTask(task.id, AS_OF)).progress).toBe(0);

    const changed = await addAttachments(cadre, entry.id, [png()]);
    expect(changed).toMatchObject({
      reviewStatus: "pending",
      reviewReason: null,
      counts: true,
      version: 3,
    });
    expect(changed.attachments).toHaveLength(1);
    expect(rowOf(entry.id)).toMatchObject({
      reviewStatus: "pending",
      reviewReason: null,
      reviewedById: null,
      reviewedAt: null,
      version: 3,
    });
    expect((await getTask(task.id, AS_OF)).progress).toBeCloseTo(0.4, 10);
    const queue = await listReviews(leader, { planId });
    expect(queue.items.map((i) => i.id)).toContain(entry.id);

    const [review, evidence] = auditRowsOf(db, "entry", entry.id);
    expect(review).toMatchObject({ action: "review" });
    expect(evidence).toMatchObject({
      action: "evidence",
      actorId: cadre.id,
      before: { attachments: [], reviewStatus: "returned" },
      after: {
        attachments: [{ id: changed.attachments[0]!.id, fileName: "现场照片.png" }],
        reviewStatus: "pending",
      },
    });
  });

  it("removing a photo resubmits it too", async () => {
    const { entry } = pendingEntry();
    const withPhoto = await addAttachments(cadre, entry.id, [png("旧照片.png")]);
    const photoId = withPhoto.attachments[0]!.id;
    // Added while pending: it stays pending, at its version.
    expect(rowOf(entry.id)).toMatchObject({ reviewStatus: "pending", version: 1 });
    await reviewEntry(
      leader,
      entry.id,
      reviewSchema.parse({ decision: "return", reason: "照片与本任务无关" }),
    );

    const changed = await removeAttachment(cadre, photoId);
    expect(changed).toMatchObject({ reviewStatus: "pending", version: 3, attachments: [] });
    expect(rowOf(entry.id)).toMatchObject({
      reviewStatus: "pending",
      reviewReason: null,
      reviewedById: null,
      reviewedAt: null,
    });
    expect(auditRowsOf(db, "entry", entry.id).at(-1)).toMatchObject({
      action: "evidence",
      before: { attachments: [{ id: photoId, fileName: "旧照片.png" }], reviewStatus: "returned" },
      after: { attachments: [], reviewStatus: "pending" },
    });
  });

  it("a leader holding the returned version is told the entry changed", async () => {
    const { entry } = await returnedEntry();
    await addAttachments(cadre, entry.id, [png()]);
    await refusal(approveEntries(leader, [{ id: entry.id, version: 2 }]), "conflict");
    expect(rowOf(entry.id).reviewStatus).toBe("pending");
    expect(await approveEntries(leader, [{ id: entry.id, version: 3 }])).toEqual({ approved: 1 });
  });

  it("a refused upload leaves the entry returned", async () => {
    const { entry } = await returnedEntry();
    const before = rowOf(entry.id);
    const text = new File([new TextEncoder().encode("not a picture")], "照片.png", {
      type: "image/png",
    });
    await refusal(addAttachments(cadre, entry.id, [text]), "validation_failed");
    expect(rowOf(entry.id)).toEqual(before);
    expect(db.select().from(attachments).where(eq(attachments.entryId, entry.id)).all()).toEqual(
      [],
    );
  });
});

describe("evidence changes on a pending entry", () => {
  it("change only the evidence: no review status in the audit row, the version kept", async () => {
    const { entry } = pendingEntry();
    const changed = await addAttachments(cadre, entry.id, [png()]);
    expect(changed).toMatchObject({ reviewStatus: "pending", version: 1 });
    const [evidence] = auditRowsOf(db, "entry", entry.id);
    expect(evidence).toMatchObject({ action: "evidence" });
    expect(evidence!.before).toEqual({ attachments: [] });
    expect(Object.keys(evidence!.after!)).toEqual(["attachments"]);
  });
});
