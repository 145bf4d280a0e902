import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildElementList, toElementIndex, type R4ElementList } from "./r4-element-index";
import { readCachedElementList, writeCachedElementList, type ElementListSource } from "./r4-element-index-cache";
import { r4DefinitionsPath } from "./read-r4-definitions";

const source = { definitionFiles: [r4DefinitionsPath("profiles-types.json")], builderSource: "builder 1" } satisfies ElementListSource;

describe("readCachedElementList", () => {
  let folder: string;
  let list: R4ElementList;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "element-index-cache-"));
    list = buildElementList();
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("restores the index it stored", () => {
    writeCachedElementList(source, list, folder);
    const cached = readCachedElementList(source, folder);

    expect(cached).toBeDefined();
    expect(toElementIndex(cached ?? { resourceTypes: [], rules: [] })).toEqual(toElementIndex(list));
  });

  it("misses after the builder changes", () => {
    writeCachedElementList(source, list, folder);

    expect(readCachedElementList({ ...source, builderSource: "builder 2" }, folder)).toBeUndefined();
  });

  it("misses for other definition files", () => {
    writeCachedElementList(source, list, folder);

    expect(readCachedElementList({ ...source, definitionFiles: [r4DefinitionsPath("valuesets.json")] }, folder)).toBeUndefined();
  });

  it("misses without a folder", () => {
    expect(readCachedElementList(source, path.join(folder, "absent"))).toBeUndefined();
  });

  it("misses a corrupt file", () => {
    const corrupt = { ...source, builderSource: "builder 3" };
    writeCachedElementList(corrupt, list, folder);
    for (const name of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, name), '{"rules": [');

    expect(readCachedElementList(corrupt, folder)).toBeUndefined();
  });
});
