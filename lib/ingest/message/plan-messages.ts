import type { BundleEntry, ExplanationOfBenefit, Patient } from "fhir/r4";

import type { SqlClient } from "../../db/sql-client";
import { isFhirError } from "../../fhir/fhir-error";
import type { FhirStore } from "../../fhir/store/fhir-store";
import type { ConditionalMatcher } from "../conditional-matcher";
import type { FilePlan } from "../file-plan";
import type { ImportRejection } from "../import-rejection";
import { planBundle } from "../plan-bundle";
import type { ConvertedMessage } from "./converted-message";
import { recordFailedMessages } from "./failed-message-registry";
import type { MessageFailure } from "./message-failure";
import type { MessagesInput } from "./read-messages-input";

/** The lookups and the database that planning converted messages uses besides the bundle planner's matcher. */
export interface MessageScope {
  matcher: ConditionalMatcher;
  store: FhirStore;
  sql: SqlClient;
}

/**
 * Plans the converted messages of an HL7 v2 or X12 file, each as one transaction, so a message
 * is stored whole or not at all and the import's validation, conditional matching and
 * idempotent writes apply. Messages that failed to parse or convert, and messages whose
 * transaction is rejected, are reported with their line and recorded in failed_message.
 */
export async function planMessages(file: string, input: MessagesInput, scope: MessageScope): Promise<FilePlan> {
  const plan: FilePlan = { units: [], rejections: input.failures.map((failure) => rejectionOf(file, failure)), resourceCount: input.failures.length };
  const failures: MessageFailure[] = [...input.failures];

  for (const message of input.messages) {
    if (message.entries.length === 0) continue;
    await linkClaims(message, scope.matcher);
    await keepMergedPatients(message, scope);

    const planned = await planBundle(file, { kind: "bundle", mode: "transaction", entries: message.entries }, scope.matcher);
    plan.resourceCount += planned.resourceCount;
    plan.units.push(...planned.units);
    if (planned.rejections.length > 0) {
      plan.rejections.push(...planned.rejections.map((rejection) => atMessageLine(rejection, message.line)));
      const reason = planned.rejections.flatMap((rejection) => rejection.issues.map((issue) => issue.diagnostics)).join(" ");
      failures.push({ line: message.line, segment: firstSegment(message.text), reason, text: message.text });
    }
  }

  await recordFailedMessages(scope.sql, input.format, file, failures);
  return plan;
}

/** Reports a failure at its line, naming its segment when it has one with a name. */
function rejectionOf(file: string, failure: MessageFailure): ImportRejection {
  const issue = failure.segment === "(none)" ? { diagnostics: failure.reason } : { diagnostics: failure.reason, expression: failure.segment };
  return { file, line: failure.line, issues: [issue] };
}

/** Reports a rejected entry at the message's line, because the converted bundle's entry index is not in the file. */
function atMessageLine({ entry, ...rejection }: ImportRejection, line: number): ImportRejection {
  if (entry === undefined) return { ...rejection, line };
  const issues = rejection.issues.map((issue) => ({ ...issue, diagnostics: `${issue.diagnostics} (converted entry ${entry})` }));
  return { ...rejection, line, issues };
}

function firstSegment(text: string): string {
  return /^[A-Z0-9]{2,3}/.exec(text)?.[0] ?? "(none)";
}

/** Points each ExplanationOfBenefit at the one stored or queued Claim with its claim control number, and leaves it unlinked otherwise. */
async function linkClaims(message: ConvertedMessage, matcher: ConditionalMatcher): Promise<void> {
  for (const { entryIndex, identifier } of message.claimReferences) {
    const resource = message.entries[entryIndex]?.resource;
    if (resource?.resourceType !== "ExplanationOfBenefit" || !identifier.value) continue;
    const ids = await matcher.match({ resourceType: "Claim", system: identifier.system, value: identifier.value });
    if (ids.length === 1) (resource as ExplanationOfBenefit).claim = { reference: `Claim/${ids[0]}` };
  }
}

/**
 * Gives each Patient that an A40 merge replaced the stored Patient's content, so the merge only
 * adds `active: false` and the `replaced-by` link. A Patient queued in this run but not yet
 * committed is not found, and then only the converted identifiers, status and link are written.
 */
async function keepMergedPatients(message: ConvertedMessage, scope: MessageScope): Promise<void> {
  for (const merged of message.mergedPatients) {
    const entry = message.entries.find((candidate: BundleEntry) => candidate.fullUrl === merged.fullUrl);
    if (!entry || entry.resource?.resourceType !== "Patient" || !merged.identifier.value) continue;
    // MessageEntries types entries as Bundle entries of any resource; this one was added as a Patient.
    const converted = entry.resource as Patient;
    const ids = await scope.matcher.match({ resourceType: "Patient", system: merged.identifier.system, value: merged.identifier.value });
    const stored = ids.length === 1 && ids[0] ? await readStoredPatient(scope.store, ids[0]) : undefined;
    if (!stored) continue;

    const links = (stored.link ?? []).filter((link) => link.type !== "replaced-by");
    const replacement: Patient = { ...stored, active: false, link: [...links, ...(converted.link ?? [])] };
    delete replacement.id;
    delete replacement.meta;
    entry.resource = replacement;
  }
}

async function readStoredPatient(store: FhirStore, id: string): Promise<Patient | undefined> {
  try {
    return await store.read("Patient", id);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) return undefined;
    throw error;
  }
}
