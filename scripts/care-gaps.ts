// Recomputes care gaps: the stale patients by default, every patient with --all. Safe to re-run.
import { parseArgs } from "node:util";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { toMeasurementWindow } from "@/lib/measures/logic/measurement-window";
import { calendarYearPeriod } from "@/lib/measures/pipeline/measurement-period-of";
import { updateCareGaps } from "@/lib/measures/pipeline/update-care-gaps";

import { openDatabaseOrExit } from "./open-database-or-exit";

const help = `Usage: npm run care-gaps -- [options]

Evaluates Lakeview's measures and stores each patient's MeasureReport and care gap
(DetectedIssue). Without --all only patients whose data changed since their last evaluation
are evaluated. Running it again writes nothing new for unchanged outcomes.

Options:
  --all                  evaluate every patient, not only the stale ones
  --period-start DATE    first day of the measurement period (default: January 1 of this year)
  --period-end DATE      last day of the measurement period (default: December 31 of this year)
  -h, --help             show this text

Exit codes: 0 done, 1 a patient's evaluation failed or the database failed, 2 wrong options.
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      all: { type: "boolean", default: false },
      "period-start": { type: "string" },
      "period-end": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const defaults = calendarYearPeriod();
  const period = { start: values["period-start"] ?? defaults.start, end: values["period-end"] ?? defaults.end };
  try {
    toMeasurementWindow(period);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  const db = await openDatabaseOrExit();
  try {
    await applyMigrations(db);
    const summary = await updateCareGaps(db, { period, all: values.all, print: (line) => console.error(line) });
    return summary.failedPatients > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
