import type { BundleEntry, ExplanationOfBenefit, Patient } from "fhir/r4";

import type { SqlClient } from "../../db/sql-client";
import { isFhirError } from "../../fhir/fhir-error";
import type { FhirStore } from "../../fhir/store/fhir-store";
import type { ConditionalMatcher } from "../conditional-matcher";
import type { FilePlan } from "../file-plan";
import type { ImportRejection } from "../import-rejection";
import { planBundle } from "../plan-bundle";
import type { ConvertedMessage } from "./converted-message";
import { hashMessage, recordFailedMessages } from "./failed-message-registry";
import { listAppliedMessages } from "./list-applied-messages";
import type { MessageFailure } from "./message-failure";
import { prefetchMessageIdentifiers } from "./prefetch-message-identifiers";
import type { ImportValidation } from "../validation-summary";
import type { MessagesInput } from "./read-messages-input";

/** The lookups and the database that planning converted messages uses besides the bundle planner's matcher. */
export interface MessageScope {
  matcher: ConditionalMatcher;
  store: FhirStore;
  sql: SqlClient;
  /** The import's profile checks, so converted resources meet the same profiles as FHIR input. */
  validation?: ImportValidation;
}

/**
 * Plans the converted messages of an HL7 v2 or X12 file, each as one transaction, so a message
 * is stored whole or not at all and the import's validation, conditional matching and
 * idempotent writes apply. Messages that failed to parse or convert, and messages whose
 * transaction is rejected, are reported with their line and recorded in failed_message. A
 * message whose Provenance is stored was applied by an earlier run and is not written again, so
 * importing a file again (with --force) replays no old states and adds no versions.
 */
export async function planMessages(file: string, input: MessagesInput, scope: MessageScope): Promise<FilePlan> {
  const plan: FilePlan = { units: [], rejections: input.failures.map((failure) => rejectionOf(file, failure)), resourceCount: input.failures.length, warnings: [], unchangedTypes: [] };
  const failures: MessageFailure[] = [...input.failures];
  const applied = await listAppliedMessages(scope.sql, input.messages);
  await prefetchMessageIdentifiers(scope.sql, scope.matcher, input.messages.filter((message) => !applied.has(message)));

  for (const message of input.messages) {
    plan.warnings?.push(...message.warnings.map((warning) => ({ ...warning, file, line: message.line, messageControlId: message.controlId })));
    if (message.entries.length === 0) continue;
    if (applied.has(message)) {
      plan.resourceCount += message.entries.length;
      plan.unchangedTypes?.push(...message.entries.flatMap((entry) => entry.resource?.resourceType ?? []));
      continue;
    }
    const failure = await planMessage(file, message, scope, plan);
    if (failure) failures.push(failure);
  }

  await recordFailedMessages(scope.sql, input.format, file, failures);
  return plan;
}

/** Plans one message as a transaction into `plan`; returns its failure when planning rejects it. */
async function planMessage(file: string, message: ConvertedMessage, scope: MessageScope, plan: FilePlan): Promise<MessageFailure | undefined> {
  await linkClaims(message, scope.matcher);
  await keepMergedPatients(message, scope);

  const planned = await planBundle(file, { kind: "bundle", mode: "transaction", entries: message.entries }, scope.matcher, scope.validation);
  const origin = { line: message.line, messageControlId: message.controlId, messageHash: hashMessage(message.text) };
  plan.resourceCount += planned.resourceCount;
  plan.units.push(...planned.units.map((unit) => ({ ...unit, rejectAs: { ...unit.rejectAs, ...origin } })));
  if (planned.rejections.length === 0) return undefined;

  plan.rejections.push(...planned.rejections.map((rejection) => atMessage(rejection, origin)));
  const reason = planned.rejections.flatMap((rejection) => rejection.issues.map((issue) => issue.diagnostics)).join(" ");
  return { line: message.line, segment: firstSegment(message.text), reason, text: message.text };
}

/** Reports a failure at its line, naming its segment when it has one with a name. */
function rejectionOf(file: string, failure: MessageFailure): ImportRejection {
  const issue = failure.segment === "(none)" ? { diagnostics: failure.reason } : { diagnostics: failure.reason, expression: failure.segment };
  return { file, line: failure.line, messageHash: hashMessage(failure.text), issues: [issue] };
}

/** Reports a rejected entry at the message's line, because the converted bundle's entry index is not in the file. */
function atMessage({ entry, ...rejection }: ImportRejection, origin: Pick<ImportRejection, "line" | "messageControlId" | "messageHash">): ImportRejection {
  if (entry === undefined) return { ...rejection, ...origin };
  const issues = rejection.issues.map((issue) => ({ ...issue, diagnostics: `${issue.diagnostics} (converted entry ${entry})` }));
  return { ...rejection, ...origin, issues };
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
