"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { TaskItem } from "@/lib/tasks/queries";
import { readTaskListParams } from "@/lib/tasks/list-params";
import { TASK_SORTS, type TaskSort } from "@/lib/tasks/schemas";
import { useTaskList, type TaskList } from "@/app/_queries/tasks";
import { LightBadge } from "@/app/_components/light-badge";
import { ProgressBar } from "@/app/_components/progress-bar";
import { StatusBadge } from "@/app/_components/status-badge";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TaskFilters, type FilterOptions } from "./task-filters";

const column = createColumnHelper<TaskItem>();
const SORTABLE = new Set<string>(TASK_SORTS);
const PAGE_SIZES = [20, 50, 100];

/** Replaces the URL's query without a server round trip; Next keeps useSearchParams in step. */
function replaceSearch(params: URLSearchParams) {
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

export function TaskTable({
  initialSearch,
  initialData,
  options,
  canCreate,
}: {
  initialSearch: string;
  initialData: TaskList;
  options: FilterOptions;
  canCreate: boolean;
}) {
  const t = useTranslations("tasks");
  const rawParams = useSearchParams();
  // The same reading as the server's: a bad value in an old bookmark is dropped, not sent.
  const { query, search } = useMemo(
    () => readTaskListParams(Object.fromEntries(rawParams)),
    [rawParams],
  );
  const searchParams = useMemo(() => new URLSearchParams(search), [search]);
  const { data, isError, isFetching } = useTaskList(
    search,
    search === initialSearch ? initialData : undefined,
  );

  const setParams = (changes: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!keepPage) next.delete("offset");
    replaceSearch(next);
  };

  const sort: TaskSort = query.sort ?? "position";
  const order = query.order ?? "asc";
  const { limit, offset } = query;

  const columns = useMemo(
    () => [
      column.accessor("projectTitle", {
        id: "project",
        header: () => t("columns.project"),
        cell: (info) => (
          <span className="line-clamp-2 text-muted-foreground">{info.getValue()}</span>
        ),
      }),
      column.accessor("title", {
        id: "title",
        header: () => t("columns.title"),
        cell: (info) => (
          <Link
            href={`/tasks/${info.row.original.id}`}
            className="font-medium hover:text-primary hover:underline"
          >
            {info.getValue()}
          </Link>
        ),
      }),
      column.accessor("ownerName", {
        id: "owner",
        header: () => t("columns.owner"),
        cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span>,
      }),
      column.accessor("leadUnitName", { id: "leadUnit", header: () => t("columns.leadUnit") }),
      column.accessor("dueDate", {
        id: "dueDate",
        header: () => t("columns.dueDate"),
        cell: (info) => (
          <span className="whitespace-nowrap tabular-nums">
            {info.getValue()}
            {info.row.original.overdue && (
              <span className="ml-1 text-xs font-medium text-destructive">{t("overdueTag")}</span>
            )}
          </span>
        ),
      }),
      column.accessor("status", {
        id: "status",
        header: () => t("columns.status"),
        cell: (info) => <StatusBadge status={info.getValue()} />,
      }),
      column.accessor("progress", {
        id: "progress",
        header: () => t("columns.progress"),
        cell: (info) => (
          <ProgressBar value={info.getValue()} time={info.row.original.timeProgress} />
        ),
      }),
      column.accessor("light", {
        id: "light",
        header: () => t("columns.light"),
        cell: (info) => <LightBadge light={info.getValue()} />,
      }),
    ],
    [t],
  );

  // The table is re-created from props each render; nothing of it is memoised across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    getRowId: (row) => String(row.id),
  });

  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;

  const toggleSort = (id: string) => {
    if (!SORTABLE.has(id)) return;
    if (sort !== id) setParams({ sort: id, order: undefined });
    else if (order === "asc") setParams({ sort: id, order: "desc" });
    else setParams({ sort: undefined, order: undefined });
  };

  return (
    <div className="flex flex-col gap-4">
      <TaskFilters
        params={searchParams}
        query={query}
        onChange={setParams}
        options={options}
        canCreate={canCreate}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <span data-testid="task-total" aria-live="polite">
          {t("total", { total })}
          {data && ` · ${t("asOf", { date: data.asOf })}`}
          {isFetching && " …"}
        </span>
      </div>
      {isError && <Alert variant="destructive">{t("loadFailed")}</Alert>}
      <div className="rounded-lg border bg-card">
        <table className="w-full text-sm" data-testid="task-table">
          <thead className="hidden border-b text-left text-muted-foreground md:table-header-group">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = SORTABLE.has(header.id);
                  const active = sort === header.id;
                  const Icon = active ? (order === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-medium"
                      aria-sort={
                        active ? (order === "asc" ? "ascending" : "descending") : undefined
                      }
                    >
                      {sortable ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:text-foreground"
                          onClick={() => toggleSort(header.id)}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <Icon aria-hidden className="size-3.5" />
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-testid="task-list-row"
                className="grid grid-cols-2 gap-x-3 gap-y-1 border-b p-3 last:border-0 md:table-row md:p-0"
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-column={cell.column.id}
                    className={
                      cell.column.id === "title" || cell.column.id === "project"
                        ? "col-span-2 md:px-3 md:py-2"
                        : "md:px-3 md:py-2"
                    }
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.items.length === 0 && (
          <p className="p-6 text-center text-sm text-muted-foreground">{t("empty")}</p>
        )}
      </div>
      <nav
        aria-label={t("pagination.label")}
        className="flex flex-wrap items-center justify-end gap-3 text-sm"
      >
        <label className="flex items-center gap-2">
          {t("pagination.pageSize")}
          <select
            className="h-9 rounded-md border bg-card px-2"
            value={limit}
            onChange={(e) => setParams({ limit: e.target.value })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums">{t("pagination.page", { page, pages })}</span>
        <Button
          variant="outline"
          size="sm"
          disabled={page <= 1}
          onClick={() => setParams({ offset: String(Math.max(0, offset - limit)) }, true)}
        >
          {t("pagination.previous")}
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={page >= pages}
          onClick={() => setParams({ offset: String(offset + limit) }, true)}
        >
          {t("pagination.next")}
        </Button>
      </nav>
    </div>
  );
}
