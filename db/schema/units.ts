import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, isOneOf, timestamps } from "./columns";

export const UNIT_TYPES = ["department", "community", "other"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** 单位: a department (科室) or a community (社区); people belong to one. */
export const units = sqliteTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    type: text("type", { enum: UNIT_TYPES }).notNull(),
    position: integer("position").notNull().default(0),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("units_name_unique").on(t.name),
    check("units_type_check", isOneOf(t.type, UNIT_TYPES)),
  ],
);
