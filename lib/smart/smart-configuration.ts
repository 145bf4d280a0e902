import type { SmartEndpoints } from "./smart-endpoints";

/**
 * Builds the SMART App Launch 2.0 discovery document (`.well-known/smart-configuration`) for
 * what this server implements: standalone launch with PKCE S256 for public clients, and
 * client_credentials with RS384/ES384 client assertions or client_secret_basic for backend
 * services.
 */
export function toSmartConfiguration(endpoints: SmartEndpoints): Record<string, unknown> {
  return {
    issuer: endpoints.origin,
    authorization_endpoint: endpoints.authorizeUrl,
    token_endpoint: endpoints.tokenUrl,
    grant_types_supported: ["authorization_code", "client_credentials"],
    token_endpoint_auth_methods_supported: ["none", "private_key_jwt", "client_secret_basic"],
    token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ["launch/patient", "openid", "fhirUser", "offline_access", "patient/*.rs", "patient/*.read", "user/*.rs", "user/*.read", "system/*.rs", "system/*.read"],
    capabilities: [
      "launch-standalone",
      "client-public",
      "client-confidential-asymmetric",
      "client-confidential-symmetric",
      "context-standalone-patient",
      "permission-patient",
      "permission-user",
      "permission-v1",
      "permission-v2",
    ],
  };
}
