import { z } from "zod";

import { riskBands } from "./risk-score";
import { toFirstValues } from "./to-first-values";

/** Panel members per worklist page. */
export const worklistPageSize = 20;

/**
 * Orders the worklist offers: highest risk first, name A to Z, oldest first, most open gaps
 * first, and longest without contact first (never contacted before anyone contacted).
 */
export const worklistSorts = ["risk", "name", "age", "gaps", "last-contact"] as const;

export type WorklistSort = (typeof worklistSorts)[number];

const maxPage = 10_000;
const pageError = `must be a whole number from 1 to ${maxPage}`;
const maxSearchLength = 100;

/** The worklist's query string: every field optional, the empty string meaning "not set". */
export const worklistQuerySchema = z.object({
  q: z.string().trim().max(maxSearchLength, { error: `must be at most ${maxSearchLength} characters` }).optional(),
  gaps: z.enum(["open"], { error: 'must be "open" or left out' }).optional(),
  band: z.enum(riskBands, { error: `must be one of ${riskBands.join(", ")}` }).optional(),
  sort: z.enum(worklistSorts, { error: `must be one of ${worklistSorts.join(", ")}` }).default("risk"),
  // Digits only: Number() would also read "1e3", "0x10" and " 7 " as whole numbers.
  page: z
    .string({ error: pageError })
    .regex(/^\d+$/, { error: pageError })
    .transform(Number)
    .pipe(z.number().int({ error: pageError }).min(1, { error: pageError }).max(maxPage, { error: pageError }))
    .default(1),
});

export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

/** The outcome of reading a query string: the query, or the first invalid field and why. */
export type ParsedWorklistQuery = { ok: true; query: WorklistQuery } | { ok: false; field: string; message: string };

/**
 * Reads the worklist's filters from a query string. A parameter given twice is read as its first
 * non-empty value, an empty value as not set, and unknown parameters are ignored.
 */
export function parseWorklistQuery(params: URLSearchParams): ParsedWorklistQuery {
  const result = worklistQuerySchema.safeParse(toFirstValues(params));
  if (result.success) {
    const q = result.data.q === "" ? undefined : result.data.q;
    return { ok: true, query: { ...result.data, q } };
  }
  const [issue] = result.error.issues;
  return { ok: false, field: String(issue?.path[0] ?? "query"), message: issue?.message ?? "is invalid" };
}

/** The unfiltered first page, highest risk first. */
export const defaultWorklistQuery: WorklistQuery = { sort: "risk", page: 1 };

/** Reads the filters of a page address; an invalid, hand-edited address shows the unfiltered list. */
export function readWorklistQueryOrDefault(params: URLSearchParams): WorklistQuery {
  const parsed = parseWorklistQuery(params);
  return parsed.ok ? parsed.query : defaultWorklistQuery;
}

/** Writes a query back as a query string, leaving out defaults so addresses stay short. */
export function toWorklistSearch(query: WorklistQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.gaps) params.set("gaps", query.gaps);
  if (query.band) params.set("band", query.band);
  if (query.sort !== "risk") params.set("sort", query.sort);
  if (query.page !== 1) params.set("page", String(query.page));
  return params.toString();
}
