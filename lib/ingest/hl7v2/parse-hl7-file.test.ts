import { describe, expect, it } from "vitest";

import { hl7Repetitions, hl7Value } from "./hl7-message";
import { parseHl7File } from "./parse-hl7-file";

describe("parseHl7File", () => {
  it("unescapes every escape sequence", () => {
    const text = "MSH|^~\\&|APP|FAC|||20260304120000||ADT^A08|1|P|2.5\rNTE|1||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X41C3A9\\g\\.br\\h";

    const [message] = parseHl7File(text).messages;

    expect(hl7Value(message?.segments[1], 3)).toBe("a|b^c&d~e\\fAég\nh");
  });

  it("reads custom delimiters from MSH-1 and MSH-2", () => {
    const text = "MSH#$%!@#APP#FAC###20260304##ADT$A01#1#P#2.5\nPID#1##123$$$AUTH$MR%456$$$SSA$SS";

    const [message] = parseHl7File(text).messages;
    const pid = message?.segments[1];

    expect(message?.delimiters).toEqual({ field: "#", component: "$", repetition: "%", escape: "!", subcomponent: "@" });
    expect(hl7Value(pid, 3, 4)).toBe("AUTH");
    expect(hl7Value(pid, 3, 1, 1, 1)).toBe("456");
    expect(hl7Value(message?.segments[0], 9, 2)).toBe("A01");
  });

  it("splits repetitions and subcomponents", () => {
    const text = "MSH|^~\\&|A|B|||20260304||ADT^A01|1|P|2.5\rPID|1||1^^^X&1.2.3&ISO^MR~2^^^Y^SS";

    const pid = parseHl7File(text).messages[0]?.segments[1];

    expect(hl7Repetitions(pid, 3)).toHaveLength(2);
    expect(hl7Value(pid, 3, 4, 2)).toBe("1.2.3");
    expect(hl7Value(pid, 3, 5, 1, 1)).toBe("SS");
  });

  it("splits batches and skips the envelopes", () => {
    const text = ["FHS|^~\\&|A", "BHS|^~\\&|A", "MSH|^~\\&|A|B|||20260304||ADT^A01|1|P|2.5", "PID|1", "MSH|^~\\&|A|B|||20260304||ADT^A01|2|P|2.5", "BTS|2", "FTS|1"].join("\r\n");

    const file = parseHl7File(text);

    expect(file.messages.map((message) => hl7Value(message.segments[0], 10))).toEqual(["1", "2"]);
    expect(file.failures).toEqual([]);
  });

  it("keeps Z-segments", () => {
    const text = "MSH|^~\\&|A|B|||20260304||ADT^A01|1|P|2.5\nZPI|custom|value";

    const segments = parseHl7File(text).messages[0]?.segments;

    expect(segments?.map((segment) => segment.name)).toEqual(["MSH", "ZPI"]);
  });

  it.each([
    ["truncated MSH", "MSH|^~\\&|A|B|||2026", 1, "MSH", "MSH ends after field 7"],
    ["garbled segment", "MSH|^~\\&|A|B|||20260304||ADT^A01|1|P|2.5\nPID|1\nP!D|garbled", 1, "(none)", "Line 3"],
    ["bad delimiters", "MSH|^^\\&|A", 1, "MSH", "5 distinct separator characters"],
    ["stray line", "PID|1||2", 1, "PID", "outside any message"],
  ])("reports %s with line and segment", (_, text, line, segment, reason) => {
    const file = parseHl7File(`${text}\nMSH|^~\\&|A|B|||20260304||ADT^A01|9|P|2.5`);

    expect(file.failures).toHaveLength(1);
    expect(file.failures[0]?.line).toBe(line);
    expect(file.failures[0]?.segment).toBe(segment);
    expect(file.failures[0]?.reason).toContain(reason);
    expect(file.messages).toHaveLength(1);
  });
});
