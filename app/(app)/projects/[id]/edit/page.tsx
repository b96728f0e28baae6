import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listHistory } from "@/lib/audit/history";
import { requirePagePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/queries";
import { idParam } from "@/lib/validation";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { listLeaderOptions } from "@/lib/users/queries";
import { ProjectForm } from "../../project-form";
import { ProjectHistory } from "./project-history";

export async function generateMetadata() {
  const t = await getTranslations("projectForm");
  return { title: t("editTitle") };
}

/** The project, or Next's 404 page for a malformed or unknown id. */
async function findProject(param: string) {
  const id = idParam.safeParse(param);
  if (!id.success) notFound();
  try {
    return await getProject(id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** 编辑工作板块: title, description and lead leader, with every change made so far. */
export default async function EditProjectPage({ params }: PageProps<"/projects/[id]/edit">) {
  await requirePagePermission("plan:edit");
  const project = await findProject((await params).id);
  const [t, leaders, history] = await Promise.all([
    getTranslations("projectForm"),
    listLeaderOptions(),
    listHistory("project", project.id),
  ]);
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <Card>
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
            {project.archived && <Badge variant="secondary">{t("archived")}</Badge>}
          </div>
        </CardHeader>
        <CardContent>
          <ProjectForm leaders={leaders} project={project} />
        </CardContent>
      </Card>
      <Card role="region" aria-labelledby="project-history">
        <CardHeader>
          <CardTitle id="project-history">{t("history")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProjectHistory projectId={project.id} initialItems={history} />
        </CardContent>
      </Card>
    </div>
  );
}
