import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import { CommandError } from './command.ts';

/** The new password: the first line of stdin when it is piped, otherwise typed twice at a prompt without echo. */
export async function readNewPassword(): Promise<string> {
  const password = process.stdin.isTTY ? await promptTwice() : await readFirstLine();
  if (password === '') throw new CommandError('no password given (pipe it on stdin, or run in a terminal to be asked for it)');
  return password;
}

async function readFirstLine(): Promise<string> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    process.stdin.destroy();
  }
}

async function promptTwice(): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void) {
      if (!muted) process.stderr.write(chunk, encoding);
      callback();
    },
  });
  const prompt = readline.createInterface({ input: process.stdin, output, terminal: true });
  prompt.on('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(130);
  });
  const ask = async (question: string) => {
    muted = false;
    const answer = prompt.question(question);
    muted = true;
    const text = await answer;
    process.stderr.write('\n');
    return text;
  };
  try {
    const first = await ask('Password: ');
    const second = await ask('Repeat the password: ');
    if (first !== second) throw new CommandError('the two passwords differ; nothing was created');
    return first;
  } finally {
    prompt.close();
  }
}
