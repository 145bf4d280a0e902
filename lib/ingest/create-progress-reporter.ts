import cliProgress from "cli-progress";

import type { ImportProgress } from "./import-paths";

/** Shows import progress while it runs. */
export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

const plainLineIntervalMs = 5000;

/**
 * Creates a progress display on `stream` (stderr in the CLI). On a terminal it is a bar over the
 * input bytes read, with files and stored resources. Otherwise it writes a plain line at most
 * every 5 seconds, so logs of unattended runs stay short, plus one as soon as the first resources
 * are stored. It shows counts only.
 */
export function createProgressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  return stream.isTTY ? createBar(stream) : createPlainLines(stream);
}

function createBar(stream: NodeJS.WriteStream): ProgressReporter {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {percentage}% | files {filesDone}/{filesTotal} | resources {resourcesStored} | {rate}/s | rejected {rejections}",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;

  return {
    update: (progress) => {
      const payload = { ...progress, rate: ratePerSecond(progress.resourcesStored, started) };
      if (!running) {
        bar.start(Math.max(progress.bytesTotal, 1), progress.bytesDone, payload);
        running = true;
      } else {
        bar.update(progress.bytesDone, payload);
      }
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

function createPlainLines(stream: NodeJS.WriteStream): ProgressReporter {
  const started = Date.now();
  let lastLine = 0;
  let firstStoredShown = false;

  return {
    update: (progress) => {
      const now = Date.now();
      // The first stored resources always get a line, so a watcher learns at once that writing began.
      const firstStored = !firstStoredShown && progress.resourcesStored > 0;
      if (now - lastLine < plainLineIntervalMs && !firstStored) return;
      lastLine = now;
      firstStoredShown ||= progress.resourcesStored > 0;
      stream.write(
        `import: ${progress.filesDone}/${progress.filesTotal} files, ${progress.resourcesStored} resources stored ` +
          `(${ratePerSecond(progress.resourcesStored, started)}/s), ${progress.rejections} rejections\n`,
      );
    },
    stop: () => undefined,
  };
}

function ratePerSecond(count: number, started: number): number {
  const seconds = (Date.now() - started) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
}
