"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { LogOut } from "lucide-react";
import { Button } from "./ui/button";

export function SignOutButton() {
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // No next-auth redirect: it would go to NEXTAUTH_URL, which may be localhost.
        await signOut({ redirect: false });
        router.replace("/login");
        router.refresh();
      }}
    >
      <LogOut aria-hidden />
      {pending ? t("signingOut") : t("signOut")}
    </Button>
  );
}
