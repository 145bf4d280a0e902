import type { Role } from "../db/generated/enums";

// The fields Lakeview adds to next-auth's session and token (next-auth v4 module augmentation).
declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name: string;
      role: Role;
      patientId: string | null;
    };
  }

  interface User {
    role: Role;
    patientId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    patientId?: string | null;
    /** Sign-in time in seconds since the epoch, with milliseconds as the fraction (see toAuthTime). */
    auth_time?: number;
  }
}
