import type Database from "better-sqlite3";

/**
 * Keeps the connection's most recently prepared statements and hands them out again for the same
 * SQL text. drizzle prepares a new statement for every query it runs; compiling the SQL each time
 * is a large share of a small request's work (about a tenth of logging an entry).
 *
 * A statement is reused only when it is not in the middle of an `iterate()`, and with its output
 * modes reset (drizzle switches `raw()` on for some queries), so a caller sees a statement exactly
 * as `prepare` would have made it.
 */
export function cacheStatements(sqlite: Database.Database, size = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    const statement = statements.get(source);
    if (statement && !statement.busy) {
      // Most recently used last: the first key is the one to evict.
      statements.delete(source);
      statements.set(source, statement);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) {
      statements.set(source, fresh);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
    }
    return fresh;
  };
  sqlite.prepare = cached as Database.Database["prepare"];
}
