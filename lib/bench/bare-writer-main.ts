/**
 * The write limit: a bare `node:http` server doing what logging an entry must do at the least —
 * parse the JSON, insert the entry, its readings and an audit row in one transaction, answer the
 * id — with better-sqlite3 and the app's connection settings, and nothing else (no session, no
 * checks, no framework). Run in its own process, as the app is, by lib/bench/bare-writer.ts:
 * `tsx lib/bench/bare-writer-main.ts FILE AUTHOR_ID`; prints `listening PORT`.
 */
import { createServer } from "node:http";
import { openDatabase } from "@/db/client";

const [file, author] = process.argv.slice(2);
const authorId = Number(author);
const { sqlite } = openDatabase(file);

const insertEntry = sqlite.prepare(
  `INSERT INTO progress_entries (task_id, author_id, entry_date, percent, note, problems,
     next_steps, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
);
const insertReading = sqlite.prepare(
  `INSERT INTO indicator_readings (entry_id, indicator_id, value, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?)`,
);
const insertAudit = sqlite.prepare(
  `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, created_at)
   VALUES (?, 'create', 'entry', ?, NULL, ?, ?)`,
);

interface Body {
  date: string;
  note: string;
  problems?: string;
  nextSteps?: string;
  percent?: number | null;
  readings?: { indicatorId: number; value: number }[];
}

const logEntry = sqlite.transaction((taskId: number, body: Body): number => {
  const now = Date.now();
  const { id } = insertEntry.get(
    taskId,
    authorId,
    body.date,
    body.percent ?? null,
    body.note,
    body.problems ?? "",
    body.nextSteps ?? "",
    now,
    now,
  ) as { id: number };
  for (const reading of body.readings ?? []) {
    insertReading.run(id, reading.indicatorId, reading.value, now, now);
  }
  insertAudit.run(authorId, id, JSON.stringify({ taskId, ...body }), now);
  return id;
});

const server = createServer((req, res) => {
  const match = /^\/api\/v1\/tasks\/(\d+)\/entries$/.exec(req.url ?? "");
  if (req.method !== "POST" || !match) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body;
      const id = logEntry(Number(match[1]), body);
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ id, note: body.note }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
const stop = () => {
  server.close();
  sqlite.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
// The bench process holds our stdin: when it ends, so do we.
process.stdin.on("end", stop).resume();
