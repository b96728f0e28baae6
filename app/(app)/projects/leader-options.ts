import "server-only";
import { listActiveUsers } from "@/lib/users/queries";
import type { LeaderOption } from "./project-form";

/** Who may be a project's lead leader (分管领导): active leaders and admins. */
export async function leaderOptions(): Promise<LeaderOption[]> {
  const users = await listActiveUsers();
  return users
    .filter((user) => user.role === "leader" || user.role === "admin")
    .map(({ id, name, title }) => ({ id, name, title }));
}
