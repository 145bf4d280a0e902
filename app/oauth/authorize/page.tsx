import type { Metadata } from "next";

import { AuthorizationError } from "@/components/smart/authorization-error";
import { ConsentForm } from "@/components/smart/consent-form";
import { loadAuthorization } from "@/components/smart/load-authorization";
import { smartStrings } from "@/components/smart/strings";
import { toScopeDescriptions } from "@/components/smart/to-scope-descriptions";

export const metadata: Metadata = { title: smartStrings.pageTitle };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Renders the SMART authorization endpoint: it checks the app's request, signs the member in
 * and requests consent. It has no loading.tsx on purpose, because a streamed loading state turns
 * the redirects back to the app into an HTML meta refresh with status 200, not a 307.
 */
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<React.ReactElement> {
  const query = toQuery(await searchParams);
  const loaded = await loadAuthorization(query);

  if (loaded.kind === "invalid-client") {
    return (
      <section className="panel narrow">
        <AuthorizationError description={loaded.description} />
      </section>
    );
  }
  const view = {
    appName: loaded.request.client.name,
    permissions: toScopeDescriptions(loaded.request.scopes),
    isStaff: loaded.user.role !== "member",
    request: query.toString(),
  };
  return (
    <section className="panel narrow">
      <h1>{smartStrings.consentTitle}</h1>
      <ConsentForm view={view} />
    </section>
  );
}

/** Keeps single-valued parameters only; a repeated OAuth parameter is invalid (RFC 6749 section 3.1). */
function toQuery(params: SearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string") query.set(name, value);
  }
  return query;
}
