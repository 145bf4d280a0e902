import pino from "pino";

/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log call's objects. They are a
 * safety net, because callers are expected to pass only ids and durations, never request bodies,
 * resources, names, emails or secrets.
 */
export const redactedPaths = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "*.headers.cookie",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  "email",
  "*.email",
];

/**
 * Builds a logger that writes JSON lines to `destination` (standard output by default) at
 * `level` (LOG_LEVEL, else "info"). Tests pass a stream to read back and a fixed level. Each line
 * carries the process id, because `npm start` runs several server processes that share one output.
 */
export function createLogger(destination?: pino.DestinationStream, level: string = process.env.LOG_LEVEL ?? "info"): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "lakeview", pid: process.pid },
    redact: { paths: redactedPaths, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Lakeview's one logger. Messages are constant strings, and the facts go in the object argument:
 * `logger.info({ userId, durationMs }, "sign-in succeeded")`. Who read health data belongs in
 * an AuditEvent, not here.
 */
export const logger: pino.Logger = createLogger();
