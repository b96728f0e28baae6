import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";

/** Each role lands where its work is: cadres on their tasks, leaders and admins on the dashboard. */
export default async function LandingPage() {
  const user = await requirePageUser();
  redirect(user.role === "cadre" ? "/my" : "/dashboard");
}
