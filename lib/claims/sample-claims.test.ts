import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Bundle, ExplanationOfBenefit, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { ClaimDetailTotal } from "./claim-detail";
import type { Money } from "./money";
import { parseFhirDate } from "./parse-fhir-date";
import { dateTimePartsSql, dayNumberSql, epochSql, validDateSql } from "./service-date-sql";
import { toClaimDetail } from "./to-claim-detail";

const dataDir = path.resolve(import.meta.dirname, "../../../shared/data");
const folders = ["synthea/smart-generated-sample-data-r4", "synthea/iris-fhir-template", "carin-bb/stu2.0.0", "carin-bb/stu2.1.0-dev-nonfinancial"].map((folder) =>
  path.join(dataDir, folder),
);
const hasSharedData = folders.every((folder) => existsSync(folder));

/** Reads every ExplanationOfBenefit of the sample folders, from bundles and single-resource files. */
function readSampleEobs(): ExplanationOfBenefit[] {
  const eobs: ExplanationOfBenefit[] = [];
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".json"))) {
      const resource = JSON.parse(readFileSync(path.join(folder, file), "utf8")) as Bundle<FhirResource> | ExplanationOfBenefit;
      if (resource.resourceType === "ExplanationOfBenefit") {
        eobs.push(resource);
      } else if (resource.resourceType === "Bundle") {
        for (const entry of resource.entry ?? []) {
          if (entry.resource?.resourceType === "ExplanationOfBenefit") eobs.push(entry.resource);
        }
      }
    }
  }
  return eobs;
}

function amountsOf(total: ClaimDetailTotal): Money[] {
  switch (total.kind) {
    case "owesUnknown":
      return total.stated ? [total.stated] : [];
    case "disagrees":
      return [total.stated, total.linesSum];
    case "unknown":
      return [];
    case "stated":
    case "fromLines":
      return [total.amount];
  }
}

describe.skipIf(!hasSharedData)(`sample claims${hasSharedData ? "" : " (skipped: ../shared/data is absent)"}`, () => {
  const eobs = hasSharedData ? readSampleEobs() : [];
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
  });

  afterAll(async () => {
    await db.close();
  });

  it("finds the sample claims", () => {
    expect(eobs.length).toBeGreaterThan(1_000);
  });

  it("maps every sample claim", () => {
    for (const eob of eobs) {
      const detail = toClaimDetail(eob, { names: new Map(), conditions: new Map() });

      expect(detail.lines).toHaveLength(eob.item?.length ?? 0);
      expect(detail.diagnoses).toHaveLength(eob.diagnosis?.length ?? 0);
      expect(detail.totals.flatMap(amountsOf).every((amount) => Number.isInteger(amount.minorUnits))).toBe(true);
    }
  });

  it("reads service dates in SQL as parseFhirDate does", async () => {
    const texts = [...new Set(eobs.flatMap((eob) => [eob.billablePeriod?.start, eob.created]).filter((text): text is string => text !== undefined))];

    const rows = await db.sql.query<{ text: string; day: number | null; epoch: number | null }>(
      `SELECT text, CASE WHEN ${validDateSql("parts")} THEN ${dayNumberSql("parts")} END AS day,
         CASE WHEN ${validDateSql("parts")} THEN ${epochSql("parts")}::float8 END AS epoch
       FROM (SELECT text, ${dateTimePartsSql("text")} AS parts FROM unnest($1::text[]) AS text) AS parsed`,
      [texts],
    );

    expect(rows).toHaveLength(texts.length);
    for (const row of rows) {
      const parsed = parseFhirDate(row.text);
      const expectedDay = parsed ? parsed.year * 10_000 + (parsed.month ?? 1) * 100 + (parsed.day ?? 1) : null;
      expect({ text: row.text, day: row.day }).toEqual({ text: row.text, day: expectedDay });
      expect({ text: row.text, epoch: row.epoch === null ? null : Number(row.epoch) }).toEqual({
        text: row.text,
        epoch: parsed ? Math.floor(parsed.start.getTime() / 1000) : null,
      });
    }
  });
});
