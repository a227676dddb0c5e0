import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// Two independent ways of reading a PDF's text back, for tests: poppler's pdftotext and pdf.js.

const run = promisify(execFile);
// pdftotext wraps right-to-left runs in directional embedding marks; they are not part of the text.
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text of every page, as pdftotext (poppler-utils) reads it; pages are separated by form feeds. */
export async function pdftotextOf(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hms-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
    return stdout.replace(BIDI_MARKS, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface TextRun {
  str: string;
  dir: string;
  x: number;
  y: number;
}

/** Orders a line's runs left to right; a stretch of right-to-left runs is read from its right end. */
function readLine(runs: TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x).filter((run) => run.str.trim() !== '');
  const words: string[] = [];
  let rtl: string[] = [];
  for (const run of sorted) {
    if (run.dir === 'rtl') {
      rtl.unshift(run.str);
      continue;
    }
    words.push(...rtl, run.str);
    rtl = [];
  }
  words.push(...rtl);
  return words.join(' ');
}

/** The text of each page as pdf.js reads it: one string per page, one line per text baseline. */
export async function pdfjsPagesOf(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const lines = new Map<number, TextRun[]>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Math.round(Number(item.transform[5]));
      const line = lines.get(y) ?? [];
      line.push({ str: item.str, dir: item.dir, x: Number(item.transform[4]), y });
      lines.set(y, line);
    }
    pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, runs]) => readLine(runs)).join('\n'));
  }
  await document.destroy();
  return pages;
}

/** Whitespace collapsed to single spaces, so that wrapped lines compare as one. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');
