/** Where progress goes: a TTY stream (stderr), so stdout stays clean for --stdout. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

export interface Progress {
  update(done: number, label: string): void;
  finish(): void;
}

/** More than a screenful of commands earns a progress bar. */
export const PROGRESS_THRESHOLD = 20;

const silent: Progress = { update: () => undefined, finish: () => undefined };

/**
 * A one-line progress bar redrawn in place, shown only when the run reads more than a screenful
 * of commands and the stream is a terminal (a pipe or a CI log gets nothing).
 */
export function progressBar(total: number, stream: ProgressStream): Progress {
  if (total <= PROGRESS_THRESHOLD || stream.isTTY !== true) return silent;
  const columns = stream.columns ?? 80;
  return {
    update(done, label) {
      const counter = `${String(done).padStart(String(total).length)}/${total}`;
      const barWidth = Math.max(10, Math.min(30, columns - counter.length - 20));
      const filled = Math.round((done / total) * barWidth);
      const room = Math.max(0, columns - barWidth - counter.length - 6);
      const shown = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
      stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${counter} ${shown}`);
    },
    finish() {
      stream.write('\r\x1b[K');
    },
  };
}
