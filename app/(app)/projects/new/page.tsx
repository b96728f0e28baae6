import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { Card, CardContent, CardHeader } from "@/app/_components/ui/card";
import { listLeaderOptions } from "@/lib/users/queries";
import { ProjectForm } from "../project-form";

export async function generateMetadata() {
  const t = await getTranslations("projectForm");
  return { title: t("createTitle") };
}

/** 新建工作板块: a new project at the end of the current plan (leaders and admins). */
export default async function NewProjectPage() {
  await requirePagePermission("plan:edit");
  const t = await getTranslations("projectForm");
  return (
    <Card className="mx-auto w-full max-w-2xl">
      <CardHeader>
        <h1 className="text-2xl font-bold">{t("createTitle")}</h1>
      </CardHeader>
      <CardContent>
        <ProjectForm leaders={await listLeaderOptions()} />
      </CardContent>
    </Card>
  );
}
