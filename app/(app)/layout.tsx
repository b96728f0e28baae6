import { requirePageUser } from "@/lib/auth/session";
import { getCurrentPlan } from "@/lib/plans/queries";
import { AppHeader } from "@/app/_components/app-header";

/** Every signed-in page: the session is checked here again, after proxy.ts. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const plan = await getCurrentPlan();
  return (
    <>
      <AppHeader user={user} planTitle={plan?.title ?? null} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
