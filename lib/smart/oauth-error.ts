/**
 * Error codes of the OAuth 2.0 authorization and token endpoints (RFC 6749 sections 4.1.2.1 and
 * 5.2), the closed set this server returns.
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "invalid_scope"
  | "access_denied"
  | "server_error";

/** An OAuth failure with the `error` code and an `error_description` that names the parameter. */
export class OAuthError extends Error {
  readonly code: OAuthErrorCode;

  constructor(code: OAuthErrorCode, description: string) {
    super(description);
    this.name = "OAuthError";
    this.code = code;
  }

  /** The HTTP status of this error at the token endpoint: 401 for client authentication, else 400. */
  get status(): number {
    return this.code === "invalid_client" ? 401 : 400;
  }

  /** The JSON body RFC 6749 section 5.2 defines. */
  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.code, error_description: this.message };
  }
}
