import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";

/** Each role lands where its work is: cadres on their tasks, leaders and admins on the themes. */
export default async function LandingPage() {
  const user = await requirePageUser();
  redirect(user.role === "cadre" ? "/my" : "/projects");
}
