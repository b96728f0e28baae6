"use client";

import { useFormatter, useTranslations } from "next-intl";
import { createContext, use, useDeferredValue, useMemo, useRef, useState } from "react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from "@tanstack/react-table";
import { ROLES } from "@/db/schema/users";
import type { AdminUser } from "@/lib/users/admin";
import { applyApiErrors } from "@/app/_queries/api-client";
import {
  useAdminUsers,
  useCreateUser,
  useResetPassword,
  useUnlockUser,
  useUpdateUser,
  type UserFilters,
  type UserList,
} from "@/app/_queries/admin";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useHydrated } from "@/app/_components/use-hydrated";
import { OneTimePassword, type OneTimeSecret } from "./one-time-password";
import { UserForm, type UnitChoice, type UserFormValues } from "./user-form";

/** What a row's buttons do: kept in context so the table's columns stay the same across renders. */
interface RowActions {
  currentUserId: number;
  busy: boolean;
  edit: (user: AdminUser) => void;
  setActive: (user: AdminUser, active: boolean) => void;
  resetPassword: (user: AdminUser) => void;
  unlock: (user: AdminUser) => void;
}
const RowActionsContext = createContext<RowActions | null>(null);

function UserRowActions({ user }: { user: AdminUser }) {
  const t = useTranslations("adminUsers");
  const actions = use(RowActionsContext)!;
  const hydrated = useHydrated();
  const disabled = !hydrated || actions.busy;
  const self = user.id === actions.currentUserId;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={disabled}
        aria-label={t("editNamed", { name: user.displayName })}
        onClick={() => actions.edit(user)}
      >
        {t("edit")}
      </Button>
      {user.lockedUntil && (
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={disabled}
          aria-label={t("unlockNamed", { name: user.displayName })}
          onClick={() => actions.unlock(user)}
        >
          {t("unlock")}
        </Button>
      )}
      {user.active && (
        <ConfirmButton
          label={t("resetPasswordNamed", { name: user.displayName })}
          confirmLabel={t("confirmReset")}
          question={t("resetQuestion", { name: user.displayName })}
          disabled={disabled}
          onConfirm={() => actions.resetPassword(user)}
        >
          {t("resetPassword")}
        </ConfirmButton>
      )}
      {/* Nobody deactivates their own account (the server refuses it too). */}
      {self ? null : user.active ? (
        <ConfirmButton
          label={t("deactivateNamed", { name: user.displayName })}
          confirmLabel={t("confirmDeactivate")}
          question={t("deactivateQuestion", { name: user.displayName })}
          disabled={disabled}
          onConfirm={() => actions.setActive(user, false)}
        >
          {t("deactivate")}
        </ConfirmButton>
      ) : (
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={disabled}
          aria-label={t("reactivateNamed", { name: user.displayName })}
          onClick={() => actions.setActive(user, true)}
        >
          {t("reactivate")}
        </Button>
      )}
    </div>
  );
}

/** "Locked until …" beside the status, with the date and time it ends. */
function LockedBadge({ until }: { until: Date | string }) {
  const t = useTranslations("adminUsers");
  const format = useFormatter();
  const text = format.dateTime(new Date(until), {
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <Badge variant="danger" data-testid="user-locked">
      {t("lockedUntil", { until: text })}
    </Badge>
  );
}

const column = createColumnHelper<AdminUser>();

/** The filters as the form holds them: select values are strings, "" for all. */
interface FilterState {
  q: string;
  unitId: string;
  role: string;
  active: string;
}

const toQuery = (filters: FilterState): UserFilters => ({
  ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  ...(filters.unitId ? { unitId: Number(filters.unitId) } : {}),
  ...(filters.role ? { role: filters.role } : {}),
  ...(filters.active ? { active: filters.active === "true" } : {}),
});

/** 人员管理: search and filters, the table, create and edit forms, and the one-time password. */
export function UsersManager({
  currentUserId,
  initialData,
  units,
}: {
  currentUserId: number;
  initialData: UserList;
  units: UnitChoice[];
}) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("roles");
  const [filters, setFilters] = useState<FilterState>({ q: "", unitId: "", role: "", active: "" });
  // Typing in the search box filters as it goes, without a request per keystroke blocking input.
  const deferred = useDeferredValue(filters);
  const query = useMemo(() => toQuery(deferred), [deferred]);
  const isInitial = Object.keys(query).length === 0;
  const list = useAdminUsers(query, isInitial ? initialData : undefined);
  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [status, setStatus] = useState("");
  const [actionError, setActionError] = useState<string | null>(null);
  const editRef = useRef<HTMLDivElement>(null);

  const setFilter = (key: keyof FilterState) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));

  const failed = (error: unknown) =>
    setActionError(
      applyApiErrors(
        error,
        () => false,
        () => {},
        t("failed"),
      ),
    );

  const onCreate = async (values: UserFormValues) => {
    setStatus("");
    setActionError(null);
    const created = await create.mutateAsync({ ...values, username: values.username! });
    create.reset(); // the password is kept nowhere but in the box below
    setSecret({
      name: values.displayName,
      username: values.username!,
      password: created.temporaryPassword,
    });
    setStatus(t("created", { name: values.displayName }));
  };

  const onEdit = async (values: UserFormValues) => {
    if (!editing) return;
    setStatus("");
    setActionError(null);
    const saved = await update.mutateAsync({
      id: editing.id,
      displayName: values.displayName,
      title: values.title,
      unitId: values.unitId,
      role: values.role,
    });
    setEditing(null);
    setStatus(t("saved", { name: saved.displayName }));
  };

  const actions: RowActions = {
    currentUserId,
    busy: update.isPending || reset.isPending || unlock.isPending,
    edit: (user) => {
      setStatus("");
      setEditing(user);
      requestAnimationFrame(() => editRef.current?.scrollIntoView({ block: "nearest" }));
    },
    setActive: async (user, active) => {
      setStatus("");
      setActionError(null);
      try {
        const saved = await update.mutateAsync({ id: user.id, active });
        setStatus(t(active ? "reactivated" : "deactivated", { name: saved.displayName }));
      } catch (error) {
        failed(error);
      }
    },
    resetPassword: async (user) => {
      setStatus("");
      setActionError(null);
      try {
        const { temporaryPassword } = await reset.mutateAsync(user.id);
        reset.reset();
        setSecret({ name: user.displayName, username: user.username, password: temporaryPassword });
      } catch (error) {
        failed(error);
      }
    },
    unlock: async (user) => {
      setStatus("");
      setActionError(null);
      try {
        await unlock.mutateAsync(user.id);
        setStatus(t("unlocked", { name: user.displayName }));
      } catch (error) {
        failed(error);
      }
    },
  };

  const columns = useMemo(
    () => [
      column.accessor("displayName", {
        id: "name",
        header: () => t("columns.name"),
        cell: (info) => (
          <span className="flex flex-col">
            <span className="font-medium" data-testid="user-name">
              {info.getValue()}
            </span>
            <span className="text-xs text-muted-foreground" data-testid="user-username">
              {info.row.original.username}
            </span>
          </span>
        ),
      }),
      column.accessor("title", {
        id: "title",
        header: () => t("columns.title"),
        cell: (info) => <span className="text-muted-foreground">{info.getValue() ?? ""}</span>,
      }),
      column.accessor("unitName", { id: "unit", header: () => t("columns.unit") }),
      column.accessor("role", {
        id: "role",
        header: () => t("columns.role"),
        cell: (info) => (
          <Badge variant={info.getValue() === "cadre" ? "outline" : "secondary"}>
            {tRoles(info.getValue())}
          </Badge>
        ),
      }),
      column.accessor("active", {
        id: "status",
        header: () => t("columns.status"),
        cell: (info) => (
          <span className="flex flex-wrap gap-1" data-testid="user-status">
            {info.getValue() ? (
              <Badge variant="success">{t("active")}</Badge>
            ) : (
              <Badge variant="danger">{t("inactive")}</Badge>
            )}
            {info.row.original.mustChangePassword && info.getValue() && (
              <Badge variant="warning">{t("mustChangePassword")}</Badge>
            )}
            {info.row.original.lockedUntil && <LockedBadge until={info.row.original.lockedUntil} />}
          </span>
        ),
      }),
      column.display({
        id: "actions",
        header: () => t("columns.actions"),
        cell: (info) => <UserRowActions user={info.row.original} />,
      }),
    ],
    [t, tRoles],
  );

  // The table is re-created from props each render; nothing of it is memoised across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: list.data?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });

  const items = list.data?.items ?? [];
  const wide = new Set(["name", "actions"]);

  return (
    <div className="flex flex-col gap-6">
      {secret && (
        <OneTimePassword key={secret.password} secret={secret} onDismiss={() => setSecret(null)} />
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t("createTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <UserForm mode="create" units={units} onSubmit={onCreate} label={t("createTitle")} />
        </CardContent>
      </Card>

      {editing && (
        <div ref={editRef}>
          <Card data-testid="user-edit">
            <CardHeader>
              <CardTitle>{t("editTitle", { name: editing.displayName })}</CardTitle>
            </CardHeader>
            <CardContent>
              <UserForm
                key={editing.id}
                mode="edit"
                units={units}
                defaultValues={{
                  displayName: editing.displayName,
                  title: editing.title,
                  unitId: editing.unitId,
                  role: editing.role,
                }}
                onSubmit={onEdit}
                onCancel={() => setEditing(null)}
                label={t("editTitle", { name: editing.displayName })}
              />
            </CardContent>
          </Card>
        </div>
      )}

      <div className="flex flex-col gap-3">
        <form
          role="search"
          aria-label={t("search")}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="user-filter-q">{t("search")}</Label>
            <Input
              id="user-filter-q"
              type="search"
              placeholder={t("searchPlaceholder")}
              value={filters.q}
              onChange={(e) => setFilter("q")(e.target.value)}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="user-filter-unit">{t("unit")}</Label>
            <NativeSelect
              id="user-filter-unit"
              value={filters.unitId}
              onChange={(e) => setFilter("unitId")(e.target.value)}
            >
              <option value="">{t("all")}</option>
              {units.map((unit) => (
                <option key={unit.id} value={String(unit.id)}>
                  {unit.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="user-filter-role">{t("role")}</Label>
            <NativeSelect
              id="user-filter-role"
              value={filters.role}
              onChange={(e) => setFilter("role")(e.target.value)}
            >
              <option value="">{t("all")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="user-filter-active">{t("status")}</Label>
            <NativeSelect
              id="user-filter-active"
              value={filters.active}
              onChange={(e) => setFilter("active")(e.target.value)}
            >
              <option value="">{t("all")}</option>
              <option value="true">{t("active")}</option>
              <option value="false">{t("inactive")}</option>
            </NativeSelect>
          </div>
        </form>

        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-muted-foreground" data-testid="user-total" aria-live="polite">
            {t("count", { count: items.length })}
            {list.isFetching && " …"}
          </span>
        </div>
        <p role="status" className="text-sm font-medium" data-testid="user-status-message">
          {status}
        </p>
        {actionError && (
          <Alert variant="destructive" role="alert">
            {actionError}
          </Alert>
        )}
        {list.isError && (
          <Alert variant="destructive" role="alert">
            {t("loadFailed")}
          </Alert>
        )}

        <RowActionsContext value={actions}>
          <div className="rounded-lg border bg-card">
            <table className="w-full text-sm" data-testid="user-table">
              <thead className="hidden border-b text-left text-muted-foreground md:table-header-group">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th key={header.id} scope="col" className="px-3 py-2 font-medium">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    data-testid="user-row"
                    data-username={row.original.username}
                    className="grid grid-cols-2 gap-x-3 gap-y-1.5 border-b p-3 last:border-0 md:table-row md:p-0"
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td
                        key={cell.id}
                        data-column={cell.column.id}
                        className={
                          wide.has(cell.column.id)
                            ? "col-span-2 md:px-3 md:py-2"
                            : "min-w-0 md:px-3 md:py-2"
                        }
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {list.data && items.length === 0 && (
              <p className="p-6 text-center text-sm text-muted-foreground">{t("empty")}</p>
            )}
          </div>
        </RowActionsContext>
      </div>
    </div>
  );
}
