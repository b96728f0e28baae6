import { NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { isLocale } from "@/lib/i18n/config";
import { importTasksXlsx } from "@/lib/imports/tasks-xlsx/import-tasks";
import { readTasksUpload } from "@/lib/imports/tasks-xlsx/read";

/**
 * POST /api/v1/imports/tasks-xlsx (multipart `planId` + `file`; admins) → 201 `{ tasks,
 * indicators }`, or 400 with `error.rows` naming every bad cell, and nothing written.
 */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "zh-CN";
  const upload = await readTasksUpload(req, locale);
  return NextResponse.json(await importTasksXlsx(user, upload, locale), { status: 201 });
});
