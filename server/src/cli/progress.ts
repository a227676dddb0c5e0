export interface Progress {
  update(text: string): void;
  done(): void;
}

/** Progress on stderr: rewritten in place on a terminal, one line per change otherwise. */
export function progressOnStderr(label: string): Progress {
  const terminal = process.stderr.isTTY;
  let last = '';
  return {
    update(text) {
      if (text === last) return;
      last = text;
      process.stderr.write(terminal ? `\r${label}: ${text}\u001b[K` : `${label}: ${text}\n`);
    },
    done() {
      if (terminal && last) process.stderr.write('\n');
      last = '';
    },
  };
}
