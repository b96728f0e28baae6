import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user?: { id: number; username: string; name: string; role: Role; unitId: number };
  }
  interface User {
    username: string;
    role: Role;
    unitId: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    username?: string;
    role?: Role;
    unitId?: number;
  }
}
