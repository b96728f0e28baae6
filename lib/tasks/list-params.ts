import { taskListQuerySchema, type TaskListQuery } from "./schemas";

/**
 * A task list URL's filters, as the page reads them: a bad value is dropped (a stale bookmark still
 * opens), where the API would answer 400. Returns the query and the canonical search string.
 */
export function readTaskListParams(input: Record<string, string | string[] | undefined>): {
  query: TaskListQuery;
  search: string;
} {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && key in taskListQuerySchema.shape) raw[key] = first;
  }
  let result = taskListQuerySchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) delete raw[String(issue.path[0])];
    result = taskListQuerySchema.safeParse(raw);
  }
  const query = result.success ? result.data : taskListQuerySchema.parse({});
  return { query, search: new URLSearchParams(raw).toString() };
}
