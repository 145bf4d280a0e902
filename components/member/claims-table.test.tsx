import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ClaimSummary } from "@/lib/claims/claim-summary";

import { ClaimsTable } from "./claims-table";
import { memberStrings } from "./strings";

function usd(minorUnits: number): { minorUnits: number; currency: string } {
  return { minorUnits, currency: "USD" };
}

function claim(id: string, overrides: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    id,
    serviceDate: { precision: "day", year: 2026, month: 11, day: 17, start: new Date("2026-11-18T04:30:00Z") },
    providerName: "Lakeside Clinic",
    claimType: "professional",
    canceled: false,
    billed: { kind: "exact", amount: usd(12_916) },
    memberOwes: { kind: "exact", amount: usd(2_500) },
    ...overrides,
  } satisfies ClaimSummary;
}

/** Strips the tags from HTML and decodes the entities React writes. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

/** Reads the text of each body row's cells, header cell first. */
function rowsOf(html: string): string[][] {
  const body = /<tbody>(.*)<\/tbody>/s.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, row]) => [...(row ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map(([, cell]) => textOf(cell ?? "")));
}

describe("ClaimsTable", () => {
  it("shows billed and owed amounts", () => {
    const html = renderToStaticMarkup(<ClaimsTable claims={[claim("c-1")]} />);

    expect(rowsOf(html)).toEqual([["Nov 17, 2026", "Lakeside Clinic", "Doctor or clinician", "$129.16", "$25.00"]]);
    expect(textOf(html)).not.toContain(memberStrings.canceledNote);
    expect(textOf(html)).not.toContain(memberStrings.totalsMismatchNote);
  });

  it("links each date to the claim's detail", () => {
    const html = renderToStaticMarkup(<ClaimsTable claims={[claim("eob-1.a")]} />);

    expect(html).toContain('<a href="/member/claims/eob-1.a">Nov 17, 2026</a>');
  });

  it("marks a canceled claim and explains it", () => {
    const canceled = claim("c-1", { canceled: true, memberOwes: { kind: "unknown" } });

    const html = renderToStaticMarkup(<ClaimsTable claims={[canceled]} />);

    expect(rowsOf(html)).toEqual([["Nov 17, 2026Canceled", "Lakeside Clinic", "Doctor or clinician", "$129.16", "Not available"]]);
    expect(textOf(html)).toContain(memberStrings.canceledNote);
  });

  it("links a total that disagrees with its lines to the note", () => {
    const disagreeing = claim("c-1", { billed: { kind: "disagreesWithLines" }, memberOwes: { kind: "atLeast", amount: usd(273_944) } });

    const html = renderToStaticMarkup(<ClaimsTable claims={[disagreeing]} />);

    expect(rowsOf(html)[0]?.slice(3)).toEqual(["Not available*", "At least $2,739.44"]);
    expect(html).toContain(`<a href="#claims-totals-note" aria-label="${memberStrings.totalsMismatchMarkerLabel}">*</a>`);
    expect(html).toContain('<p id="claims-totals-note" class="note">');
    expect(textOf(html)).toContain(`* ${memberStrings.totalsMismatchNote}`);
  });

  it("shows an unknown billed amount without a marker", () => {
    const html = renderToStaticMarkup(<ClaimsTable claims={[claim("c-1", { billed: { kind: "unknown" } })]} />);

    expect(rowsOf(html)[0]?.[3]).toBe("Not available");
    expect(html).not.toContain("claims-totals-note");
  });
});
