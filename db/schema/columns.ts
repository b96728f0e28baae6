import { sql, type SQL } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** Every table has an integer id and created/updated timestamps (epoch milliseconds). */
export const id = () => integer("id").primaryKey({ autoIncrement: true });

export const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};

/** A calendar date in the office's time zone, stored as `YYYY-MM-DD` (never a UTC instant). */
export const calendarDate = (name: string) => text(name);

/** SQL check that a column holds a `YYYY-MM-DD` string (or NULL). */
export const isCalendarDate = (column: AnySQLiteColumn): SQL =>
  sql`${column} IS NULL OR (length(${column}) = 10 AND ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;

/** SQL check that a column holds one of the given values (inlined: DDL takes no parameters). */
export const isOneOf = (column: AnySQLiteColumn, values: readonly string[]): SQL =>
  sql`${column} IN (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "))})`;
