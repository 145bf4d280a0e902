import { z } from "zod";

import type { ClaimType } from "./claim-summary";

/** Claims per page of the claims list. */
export const claimPageSize = 25;

const claimTypes = ["professional", "institutional", "pharmacy", "oral", "vision", "other"] as const satisfies readonly ClaimType[];

/** EOB statuses a member can filter by; drafts and entries in error are never listed. */
export const listedClaimStatuses = ["active", "cancelled"] as const;

export const claimSorts = ["newest", "oldest"] as const;

/** An order the claims list offers. */
export type ClaimSort = (typeof claimSorts)[number];

/** A relative reference to the provider, as EOB.provider.reference holds it. */
const providerReference = /^(Practitioner|PractitionerRole|Organization)\/[A-Za-z0-9.-]{1,64}$/;

const maxPage = 100_000;
const pageError = `must be a whole number from 1 to ${maxPage}`;

/** The claims list's query string: every field optional, the empty string meaning "not set". */
export const claimListQuerySchema = z
  .object({
    type: z.enum(claimTypes, { error: `must be one of ${claimTypes.join(", ")}` }).optional(),
    status: z.enum(listedClaimStatuses, { error: `must be one of ${listedClaimStatuses.join(", ")}` }).optional(),
    provider: z.string().regex(providerReference, "must be a reference such as Organization/123").optional(),
    from: z.iso.date({ error: "must be a real date written YYYY-MM-DD" }).optional(),
    to: z.iso.date({ error: "must be a real date written YYYY-MM-DD" }).optional(),
    sort: z.enum(claimSorts, { error: `must be one of ${claimSorts.join(", ")}` }).default("newest"),
    // Digits only: Number() would also read "1e3", "0x10" and " 7 " as whole numbers.
    page: z
      .string({ error: pageError })
      .regex(/^\d+$/, { error: pageError })
      .transform(Number)
      .pipe(z.number().int({ error: pageError }).min(1, { error: pageError }).max(maxPage, { error: pageError }))
      .default(1),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    path: ["to"],
    message: "must be on or after from",
  });

export type ClaimListQuery = z.infer<typeof claimListQuerySchema>;

/** The outcome of reading a query string: the query, or the first invalid field and why. */
export type ParsedClaimListQuery = { ok: true; query: ClaimListQuery } | { ok: false; field: string; message: string };

/**
 * Reads the claims list's filters from a query string. A parameter given twice is read as its
 * first non-empty value, and an empty value as not set. Unknown parameters are ignored, so a
 * bookmarked address keeps working after a filter is retired.
 */
export function parseClaimListQuery(params: URLSearchParams): ParsedClaimListQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (value !== "" && raw[key] === undefined) {
      raw[key] = value;
    }
  }

  const result = claimListQuerySchema.safeParse(raw);
  if (result.success) {
    return { ok: true, query: result.data };
  }
  const [issue] = result.error.issues;
  return { ok: false, field: String(issue?.path[0] ?? "query"), message: issue?.message ?? "is invalid" };
}

/** The unfiltered first page, newest first. */
export const defaultClaimListQuery: ClaimListQuery = { sort: "newest", page: 1 };

/** Reads the filters of a page address; an invalid, hand-edited address shows the unfiltered list. */
export function readClaimListQueryOrDefault(params: URLSearchParams): ClaimListQuery {
  const parsed = parseClaimListQuery(params);
  return parsed.ok ? parsed.query : defaultClaimListQuery;
}

/** Writes a query back as a query string, leaving out defaults so addresses stay short. */
export function toClaimListSearch(query: ClaimListQuery): string {
  const params = new URLSearchParams();
  for (const key of ["type", "status", "provider", "from", "to"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort !== "newest") params.set("sort", query.sort);
  if (query.page !== 1) params.set("page", String(query.page));
  return params.toString();
}
