import path from "node:path";

import { describe, expect, it } from "vitest";

import { readPortalSettings } from "./read-portal-settings";

const now = new Date("2026-12-04T15:00:00Z");

describe("readPortalSettings", () => {
  it("uses defaults for an empty environment", () => {
    expect(readPortalSettings({ NODE_ENV: "production" }, now)).toEqual({
      port: 3000,
      host: "127.0.0.1",
      demoMembers: 25,
      demoToday: now,
      authSecret: undefined,
      measureBundleDir: undefined,
      igDir: undefined,
      processes: 1,
    });
  });

  it("reads every setting", () => {
    const settings = readPortalSettings(
      { NODE_ENV: "production", PORT: "3100", HOST: "::1", LAKEVIEW_DEMO_MEMBERS: "300", LAKEVIEW_DEMO_TODAY: "2026-02-28", NEXTAUTH_SECRET: "k3J9-pQz7_Lm2Vx8Rt5Wb1Nc6Hd4Fg0Ys" },
      now,
    );

    expect(settings).toEqual({ port: 3100, host: "::1", demoMembers: 300, demoToday: new Date("2026-02-28T12:00:00Z"), authSecret: "k3J9-pQz7_Lm2Vx8Rt5Wb1Nc6Hd4Fg0Ys", measureBundleDir: undefined, igDir: undefined, processes: 1 });
  });

  it.each([
    ["PORT", "abc", 'PORT "abc" is not a whole number from 1 to 65535; set it to one, or unset it for 3000.'],
    ["PORT", "99999", 'PORT "99999" is not a whole number from 1 to 65535; set it to one, or unset it for 3000.'],
    ["PORT", "0", 'PORT "0" is not a whole number from 1 to 65535; set it to one, or unset it for 3000.'],
    ["LAKEVIEW_DEMO_MEMBERS", "abc", 'LAKEVIEW_DEMO_MEMBERS "abc" is not a whole number from 1 to 10000; set it to one, or unset it for 25.'],
    ["LAKEVIEW_DEMO_MEMBERS", " ", 'LAKEVIEW_DEMO_MEMBERS " " is not a whole number from 1 to 10000; set it to one, or unset it for 25.'],
    ["LAKEVIEW_DEMO_MEMBERS", "2.5", 'LAKEVIEW_DEMO_MEMBERS "2.5" is not a whole number from 1 to 10000; set it to one, or unset it for 25.'],
    ["LAKEVIEW_DEMO_TODAY", "garbage", 'LAKEVIEW_DEMO_TODAY "garbage" is not a calendar date; use YYYY-MM-DD, such as 2026-12-01, or unset it for today.'],
    ["LAKEVIEW_DEMO_TODAY", "2026-02-30", 'LAKEVIEW_DEMO_TODAY "2026-02-30" is not a calendar date; use YYYY-MM-DD, such as 2026-12-01, or unset it for today.'],
    ["LAKEVIEW_DEMO_TODAY", "1", 'LAKEVIEW_DEMO_TODAY "1" is not a calendar date; use YYYY-MM-DD, such as 2026-12-01, or unset it for today.'],
    ["PORT", " 3302", 'PORT " 3302" is not a whole number from 1 to 65535; set it to one, or unset it for 3000.'],
    ["LAKEVIEW_DEMO_TODAY", "0001-01-01", 'LAKEVIEW_DEMO_TODAY "0001-01-01" is outside 1970 to 2200; pick a date in that range, or unset it for today.'],
    ["HOST", "not a host", 'HOST "not a host" is not a host name or IP address; use one such as 127.0.0.1 or 0.0.0.0, or unset it for 127.0.0.1.'],
    ["NEXTAUTH_SECRET", " ".repeat(40), "NEXTAUTH_SECRET repeats a few characters, so it can be guessed"],
    ["NEXTAUTH_SECRET", "ab".repeat(20), "NEXTAUTH_SECRET repeats a few characters, so it can be guessed"],
    ["LAKEVIEW_MEASURE_BUNDLE_DIR", "/nonexistent/measures", 'LAKEVIEW_MEASURE_BUNDLE_DIR "/nonexistent/measures" is not an existing folder; point it at the folder of measure bundles, or unset it to run no configured measures.'],
    ["LAKEVIEW_IG_DIR", "/nonexistent/igs", 'LAKEVIEW_IG_DIR "/nonexistent/igs" is not an existing folder; point it at a folder of FHIR packages (one subfolder per package), or unset it to validate against base R4 only.'],
    ["LAKEVIEW_PROCESSES", "0", 'LAKEVIEW_PROCESSES "0" is not a whole number from 1 to 6; set it to one, or unset it for 1.'],
    ["LAKEVIEW_PROCESSES", "7", 'LAKEVIEW_PROCESSES "7" is not a whole number from 1 to 6; set it to one, or unset it for 1.'],
    ["LAKEVIEW_PROCESSES", "2", 'LAKEVIEW_PROCESSES "2" needs PostgreSQL, because PGlite\'s data folder is open in one process at a time; set DATABASE_URL, or unset LAKEVIEW_PROCESSES for 1.'],
    ["NEXTAUTH_SECRET", "short", "NEXTAUTH_SECRET is 5 characters long; use a random string of at least 32, or unset it to let npm start create one."],
  ])("rejects %s=%j", (name, value, message) => {
    expect(() => readPortalSettings({ NODE_ENV: "production", [name]: value }, now)).toThrow(message);
  });

  it("defaults processes to cores on PostgreSQL", () => {
    const postgres: NodeJS.ProcessEnv = { NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" };

    expect(readPortalSettings(postgres, now, 2).processes).toBe(2);
    expect(readPortalSettings(postgres, now, 16).processes).toBe(4);
    expect(readPortalSettings({ ...postgres, LAKEVIEW_PROCESSES: "6" }, now, 2).processes).toBe(6);
    expect(readPortalSettings({ NODE_ENV: "production" }, now, 16).processes).toBe(1);
    expect(() => readPortalSettings({ ...postgres, LAKEVIEW_PROCESSES: "many" }, now, 16)).toThrow(
      'LAKEVIEW_PROCESSES "many" is not a whole number from 1 to 6; set it to one, or unset it for 4.',
    );
  });

  it("resolves the measure bundle folder", () => {
    const settings = readPortalSettings({ NODE_ENV: "production", LAKEVIEW_MEASURE_BUNDLE_DIR: "lib" }, now);

    expect(settings.measureBundleDir).toBe(path.resolve("lib"));
  });

  it("resolves the implementation guide folder", () => {
    const settings = readPortalSettings({ NODE_ENV: "production", LAKEVIEW_IG_DIR: "lib" }, now);

    expect(settings.igDir).toBe(path.resolve("lib"));
  });

  it("lists every bad setting at once", () => {
    expect(() => readPortalSettings({ NODE_ENV: "production", PORT: "x", LAKEVIEW_DEMO_TODAY: "y" }, now)).toThrow(/PORT "x"[\s\S]*LAKEVIEW_DEMO_TODAY "y"/);
  });
});
