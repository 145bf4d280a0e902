/** Path of the FHIR API below the portal's origin. */
export const fhirBasePath = "/fhir/R4";

/** The URLs a SMART client sees, all derived from the portal's public origin. */
export interface SmartEndpoints {
  origin: string;
  fhirBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
}

/**
 * Returns the SMART URLs under the public origin: NEXTAUTH_URL's origin when set (the address
 * behind TLS), else the origin the request came to. Tokens name these URLs as issuer and
 * audience, so every endpoint must derive them the same way.
 */
export function getSmartEndpoints(requestOrigin: string, env: NodeJS.ProcessEnv = process.env): SmartEndpoints {
  const origin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : requestOrigin;
  return {
    origin,
    fhirBaseUrl: `${origin}${fhirBasePath}`,
    authorizeUrl: `${origin}/oauth/authorize`,
    tokenUrl: `${origin}/oauth/token`,
  };
}
