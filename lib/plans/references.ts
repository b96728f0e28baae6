import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { projects, units, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { validationFailed, type FieldErrors } from "@/lib/errors";
import { mayLeadProjects } from "@/lib/users/queries";

/**
 * Checks that the people, units and projects a plan edit points at exist and may be pointed at:
 * a live project of the plan, an active owner, live units, a leader as lead leader. Collects every
 * bad field, then refuses them all at once.
 */
export class ReferenceCheck {
  private readonly fields: FieldErrors = {};

  constructor(private readonly tx: Tx) {}

  project(field: string, projectId: number, planId: number) {
    const row = this.tx
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(eq(projects.id, projectId), eq(projects.planId, planId), isNull(projects.archivedAt)),
      )
      .get();
    if (!row) this.fields[field] = "validation.unknownProject";
    return this;
  }

  owner(field: string, userId: number) {
    const row = this.tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)))
      .get();
    if (!row) this.fields[field] = "validation.unknownUser";
    return this;
  }

  leader(field: string, userId: number | null) {
    if (userId === null) return this;
    const row = this.tx
      .select({ role: users.role })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)))
      .get();
    if (!row || !mayLeadProjects(row.role)) this.fields[field] = "validation.notALeader";
    return this;
  }

  units(field: string, unitIds: readonly number[]) {
    if (unitIds.length === 0) return this;
    const found = this.tx
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, [...unitIds]), isNull(units.archivedAt)))
      .all();
    if (found.length !== new Set(unitIds).size) this.fields[field] = "validation.unknownUnit";
    return this;
  }

  /** Throws a 400 naming every bad field, if any. */
  done() {
    if (Object.keys(this.fields).length > 0) throw validationFailed(this.fields);
  }
}
