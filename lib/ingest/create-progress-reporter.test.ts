import { describe, expect, it } from "vitest";

import { createProgressReporter } from "./create-progress-reporter";
import type { ImportProgress } from "./import-paths";

function progressWith(resourcesStored: number): ImportProgress {
  return { filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: 10, resourcesStored, rejections: 0 };
}

describe("createProgressReporter", () => {
  it("writes a line when the first resources are stored", () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (line: string) => lines.push(line) } as unknown as NodeJS.WriteStream;
    const reporter = createProgressReporter(stream);

    reporter.update(progressWith(0));
    reporter.update(progressWith(0));
    reporter.update(progressWith(100));
    reporter.update(progressWith(200));

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^import: 0\/2 files, 0 resources stored /);
    expect(lines[1]).toMatch(/^import: 0\/2 files, 100 resources stored /);
  });
});
