import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger } from "./logger";

function captureLines(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString("utf8"));
      callback();
    },
  });
  const lines = (): Record<string, unknown>[] =>
    chunks
      .join("")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe("createLogger", () => {
  it("writes one JSON line per call", () => {
    const { stream, lines } = captureLines();
    const logger = createLogger(stream, "info");

    logger.info({ userId: "u-1", durationMs: 12 }, "sign-in succeeded");

    const [line] = lines();
    expect(line?.msg).toBe("sign-in succeeded");
    expect(line?.userId).toBe("u-1");
    expect(line?.durationMs).toBe(12);
    expect(line?.service).toBe("lakeview");
    expect(line?.pid).toBe(process.pid);
  });

  it("redacts secrets, emails and cookies", () => {
    const { stream, lines } = captureLines();
    const logger = createLogger(stream, "info");

    logger.warn(
      {
        email: "someone@example.org",
        credentials: { password: "correct horse battery", email: "someone@example.org" },
        request: { headers: { authorization: "Bearer abc", cookie: "session=xyz" } },
      },
      "sign-in failed",
    );

    const text = JSON.stringify(lines());
    expect(text).not.toContain("someone@example.org");
    expect(text).not.toContain("correct horse battery");
    expect(text).not.toContain("Bearer abc");
    expect(text).not.toContain("session=xyz");
  });
});
