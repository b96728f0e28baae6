import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { Alert } from "@/app/_components/ui/alert";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/app/_components/ui/card";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/**
 * 修改密码, for everyone; the one page open to a user holding a one-time password (every other
 * page sends them here). Outside the (app) group, so its layout does not send them away again.
 */
export default async function ChangePasswordPage() {
  const user = await requirePageUser({ allowPasswordChange: true });
  const t = await getTranslations();
  const forced = user.mustChangePassword;

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10">
      <div className="text-center">
        <h1 className="mt-1 text-2xl font-bold">{t("app.name")}</h1>
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>{t("account.title")}</CardTitle>
          <CardDescription>
            {t("account.signedInAs", { name: user.name, username: user.username })}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {forced && <Alert data-testid="password-change-required">{t("account.forced")}</Alert>}
          <p className="text-sm text-muted-foreground">{t("account.subtitle")}</p>
          <PasswordForm username={user.username} forced={forced} />
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-center justify-center gap-4">
        {forced ? (
          <SignOutButton />
        ) : (
          <Link href="/" className="text-sm underline underline-offset-4">
            {t("account.back")}
          </Link>
        )}
        <LanguageSwitch />
      </div>
    </main>
  );
}
