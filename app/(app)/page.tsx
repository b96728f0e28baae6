import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";

/** Each role lands where its work is: those who oversee the plan on the dashboard, cadres on their tasks. */
export default async function LandingPage() {
  const user = await requirePageUser();
  redirect(can(user, "plan:oversee") ? "/dashboard" : "/my");
}
