import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// A server that responds with its process id (or its Node options, for /exec-argv), exits on a
// request for /stop, and closes every connection, so that each request is a new connection for the cluster to hand out.
const serverScript = `
import http from "node:http";
if (process.env.FAIL_AT_START) process.exit(2);
http.createServer((request, response) => {
  response.setHeader("connection", "close");
  response.end(request.url === "/exec-argv" ? JSON.stringify(process.execArgv) : String(process.pid));
  if (request.url === "/stop") setTimeout(() => process.exit(3), 10);
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

const primaryScript = (serverPath: string) => `
import { runCluster } from ${JSON.stringify(path.resolve(import.meta.dirname, "portal-cluster.ts"))};
runCluster({
  exec: ${JSON.stringify(serverPath)},
  args: [],
  cwd: process.cwd(),
  env: process.env,
  processes: Number(process.env.PROCESSES ?? 2),
  maxRestarts: process.env.MAX_RESTARTS ? Number(process.env.MAX_RESTARTS) : undefined,
  log: (line) => console.log(line),
});
`;

let folder: string;
let primaryPath: string;
let primary: ChildProcess | undefined;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "lakeview-cluster-"));
  const serverPath = path.join(folder, "server.mjs");
  writeFileSync(serverPath, serverScript);
  primaryPath = path.join(folder, "primary.ts");
  writeFileSync(primaryPath, primaryScript(serverPath));
});

afterEach(() => {
  primary?.kill("SIGKILL");
  primary = undefined;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("No port was assigned.");
  return address.port;
}

function startPrimary(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", primaryPath], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  primary = child;
  return { child, exited, output: () => output };
}

async function answeringPid(port: number, pathname = "/"): Promise<string | undefined> {
  try {
    // A connection handed to a process as it exits gets no response, so each request has a limit.
    const response = await fetch(`http://127.0.0.1:${port}${pathname}`, { signal: AbortSignal.timeout(2_000) });
    return await response.text();
  } catch {
    return undefined;
  }
}

/**
 * Sends requests until the process ids of the last 12 responses satisfy `expected`, and returns
 * them. A process that is still starting gets no connections, so the set fills as they start.
 */
async function waitForPids(port: number, expected: (pids: Set<string>) => boolean): Promise<Set<string>> {
  const recent: string[] = [];
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const pid = await answeringPid(port);
    if (pid === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    recent.push(pid);
    if (recent.length > 12) recent.shift();
    const pids = new Set(recent);
    if (recent.length === 12 && expected(pids)) return pids;
  }
  throw new Error(`The last responses came from processes ${[...new Set(recent)].join(", ")}, not the ones expected.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("runCluster", () => {
  it("shares a port and replaces a stopped process", async () => {
    const port = await freePort();
    const { child, exited, output } = startPrimary({ PORT: String(port) });

    const first = await waitForPids(port, (pids) => pids.size === 2);
    expect(first.size).toBe(2);

    const stopped = await answeringPid(port, "/stop");
    const after = await waitForPids(port, (pids) => pids.size === 2 && !pids.has(stopped ?? ""));
    expect(after.has(stopped ?? "")).toBe(false);
    expect(output()).toContain(`Server process ${stopped} stopped (exit code 3); starting another.`);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of after) expect(isRunning(Number(pid))).toBe(false);
  });

  it("survives every process stopping at once", async () => {
    const port = await freePort();
    startPrimary({ PORT: String(port), PROCESSES: "6" });
    const first = await waitForPids(port, (pids) => pids.size === 6);

    // As the kernel's out-of-memory killer might: every server process at the same moment.
    for (const pid of first) process.kill(Number(pid), "SIGKILL");
    const after = await waitForPids(port, (pids) => pids.size === 6 && [...first].every((pid) => !pids.has(pid)));

    expect(after.size).toBe(6);
  });

  it("runs servers without the tsx loader", async () => {
    const port = await freePort();
    startPrimary({ PORT: String(port) });
    await waitForPids(port, (pids) => pids.size >= 1);

    expect(await answeringPid(port, "/exec-argv")).toBe("[]");
  });

  it("exits 1 when processes keep failing", async () => {
    const port = await freePort();
    const { exited, output } = startPrimary({ PORT: String(port), FAIL_AT_START: "1", MAX_RESTARTS: "2" });

    expect(await exited).toBe(1);
    expect(output()).toMatch(/stopped \(exit code 2\), 3 within 60 s; the portal stops/);
  });
});
