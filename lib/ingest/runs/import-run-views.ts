/** One import run as the admin pages list it. */
export interface ImportRunSummary {
  id: string;
  source: string;
  status: "running" | "finished" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  fileCount: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  warnings: number;
  failed: number;
}

/** One rejection or warning of a run, with the failed message that keeps its raw text when there is one. */
export interface ImportIssueView {
  position: number;
  filePath: string;
  line: number | null;
  messageControlId: string | null;
  resource: string | null;
  location: string | null;
  severity: "error" | "warning";
  code: string;
  text: string;
  /** The failed_message key, when that message is still kept (a retry that stored it removes it). */
  failedMessageHash: string | null;
}

/** A message kept in failed_message, raw text included. */
export interface FailedMessageView {
  contentHash: string;
  format: string;
  path: string;
  line: number;
  segment: string;
  reason: string;
  message: string;
  firstFailedAt: Date;
  lastFailedAt: Date;
}
