import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user?: {
      id: number;
      username: string;
      name: string;
      role: Role;
      unitId: number;
      /** When this session signed in (epoch ms): the absolute limit and password changes. */
      signedInAt: number;
    };
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
    /** Sign-in time (epoch ms), written once; see lib/auth/session-validity.ts. */
    signedInAt?: number;
  }
}
