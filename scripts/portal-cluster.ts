import cluster from "node:cluster";

/** Settings of `runCluster`. */
export interface ClusterOptions {
  /** The script every server process runs, its arguments, folder and environment. */
  exec: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  processes: number;
  /**
   * A server process that stops on its own is started again, unless more than this many stopped
   * within `restartWindowMs` (3 per server process by default): then the server keeps failing,
   * and the cluster stops.
   */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Time the server processes get to finish their requests after a stop signal, in milliseconds. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Runs `processes` copies of a server script with node:cluster. They listen on one port, and this
 * process hands each new connection to them in turn. A server process that stops on its own is
 * replaced. When they keep stopping, the others are stopped too and this process exits with code 1.
 * SIGINT, SIGTERM and SIGHUP are passed to every server process, and this process exits once all
 * of them have, or after `stopTimeoutMs`, killing those still running.
 */
export function runCluster(options: ClusterOptions): void {
  const maxRestarts = options.maxRestarts ?? 3 * options.processes;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const stoppedAt: number[] = [];
  let running = 0;
  let stopping = false;
  let exitCode = 0;

  // No execArgv: the server processes run the script with plain Node, not with this process's
  // tsx loader.
  cluster.setupPrimary({ exec: options.exec, args: options.args, cwd: options.cwd, execArgv: [] });
  const start = (): void => {
    cluster.fork(options.env);
    running += 1;
  };

  const stopAll = (signal: NodeJS.Signals): void => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    }, options.stopTimeoutMs ?? 10_000).unref();
  };

  cluster.on("exit", (worker, code, signal) => {
    running -= 1;
    if (!stopping) {
      const now = Date.now();
      stoppedAt.push(now);
      while ((stoppedAt[0] ?? now) <= now - restartWindowMs) stoppedAt.shift();
      const cause = signal ? `signal ${signal}` : `exit code ${code}`;
      if (stoppedAt.length > maxRestarts) {
        log(`Server process ${worker.process.pid} stopped (${cause}), ${stoppedAt.length} within ${restartWindowMs / 1000} s; the portal stops. The messages above show what each process logged last.`);
        exitCode = 1;
        stopAll("SIGTERM");
      } else {
        log(`Server process ${worker.process.pid} stopped (${cause}); starting another.`);
        start();
      }
    }
    if (stopping && running === 0) process.exit(exitCode);
  });

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => stopAll(signal));
  }
  for (let index = 0; index < options.processes; index++) start();
}
