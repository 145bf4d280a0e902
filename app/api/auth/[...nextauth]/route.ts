import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { getAuthOptions } from "@/lib/auth/get-auth-options";

// The options are built per request so that `next build` can load this module without
// NEXTAUTH_SECRET; a missing secret fails the first auth request with a message that names it.
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const response: Response = await NextAuth(request, context, getAuthOptions());
  return response;
}

export { handler as GET, handler as POST };
