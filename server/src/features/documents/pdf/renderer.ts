import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatLocal } from '../../appointments/local-time.ts';
import { hasRtl, visualOrder } from './bidi.ts';

// The one PDF renderer: every document is a list of blocks laid out under the hospital's header.
// DejaVu Sans (embedded, subset) covers Latin with diacritics, Greek, Cyrillic and Arabic; the
// standard PDF fonts cover none of them beyond Latin-1.

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** The hospital as every document's header shows it (from Settings). */
export interface DocumentHospital {
  name: string;
  address: string | null;
  phone: string | null;
  /** IANA zone: every time on the document is shown in it. */
  timeZone: string;
}

/** A mark stamped across every page: a reprint is a COPY, an entered-in-error document is VOID. */
export type DocumentMark = 'COPY' | 'VOID';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** Label and value pairs, one per row. */
  | { kind: 'fields'; rows: readonly (readonly [string, string])[] }
  | { kind: 'paragraph'; text: string }
  /** A titled group of lines kept on one page when it fits (a prescription item, an appointment). */
  | { kind: 'item'; title: string; lines: readonly string[] };

export interface DocumentSpec {
  /** The document's title: in the PDF's metadata and on every page's header. */
  title: string;
  hospital: DocumentHospital;
  /** When the document was produced (the injected clock): the PDF's dates, and the footer. */
  generatedAt: Date;
  mark?: DocumentMark | undefined;
  /** Printed under the mark on every page (for example why a prescription is void). */
  markNote?: string | undefined;
  blocks: readonly Block[];
}

type Doc = PDFKit.PDFDocument;

const PAGE = { size: 'A4' as const, left: 50, right: 50, top: 110, bottom: 70 };
const LABEL_WIDTH = 150;
const GAP = 6;

const contentWidth = (doc: Doc) => doc.page.width - PAGE.left - PAGE.right;
const bottomLimit = (doc: Doc) => doc.page.height - PAGE.bottom;

function useFont(doc: Doc, bold: boolean, size: number): void {
  doc.font(bold ? 'Bold' : 'Regular').fontSize(size);
}

/** Greedy word wrapping, in reading order. */
function wrapWords(doc: Doc, text: string, width: number): string[][] {
  const lines: string[][] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = [...line, word];
      if (line.length > 0 && doc.widthOfString(candidate.join(' ')) > width) {
        lines.push(line);
        line = [word];
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

function textHeight(doc: Doc, text: string, width: number): number {
  if (!hasRtl(text)) return doc.heightOfString(text, { width });
  return wrapWords(doc, text, width).length * doc.currentLineHeight(true);
}

/**
 * Text in a box `width` wide at (x, doc.y), wrapping and breaking pages as needed. Text with
 * right-to-left words is laid out word by word: each word is shaped on its own and the words of
 * a line are placed in visual order, so extractors read each word back as written.
 */
function writeText(doc: Doc, text: string, x: number, width: number): void {
  if (!hasRtl(text)) {
    doc.text(text, x, doc.y, { width });
    return;
  }
  const space = doc.widthOfString(' ');
  const lineHeight = doc.currentLineHeight(true);
  for (const line of wrapWords(doc, text, width)) {
    if (doc.y + lineHeight > bottomLimit(doc)) doc.addPage();
    const y = doc.y;
    let cursor = x;
    for (const word of visualOrder(line)) {
      doc.text(word, cursor, y, { lineBreak: false });
      cursor += doc.widthOfString(word) + space;
    }
    doc.x = x;
    doc.y = y + lineHeight;
  }
}

function ensureRoom(doc: Doc, height: number): void {
  const pageRoom = bottomLimit(doc) - PAGE.top;
  if (height <= pageRoom && doc.y + height > bottomLimit(doc)) doc.addPage();
}

function writeFields(doc: Doc, rows: readonly (readonly [string, string])[]): void {
  const x = PAGE.left;
  const valueWidth = contentWidth(doc) - LABEL_WIDTH;
  for (const [label, value] of rows) {
    useFont(doc, false, 10);
    const height = Math.max(textHeight(doc, value, valueWidth), doc.currentLineHeight(true));
    ensureRoom(doc, height);
    const y = doc.y;
    useFont(doc, true, 10);
    doc.text(label, x, y, { width: LABEL_WIDTH - 10 });
    const labelEnd = doc.y;
    useFont(doc, false, 10);
    doc.y = y;
    writeText(doc, value, x + LABEL_WIDTH, valueWidth);
    doc.y = Math.max(doc.y, labelEnd) + 2;
  }
  doc.y += GAP;
}

function writeItem(doc: Doc, title: string, lines: readonly string[]): void {
  const width = contentWidth(doc) - 12;
  useFont(doc, true, 10);
  let height = textHeight(doc, title, contentWidth(doc));
  useFont(doc, false, 10);
  for (const line of lines) height += textHeight(doc, line, width);
  ensureRoom(doc, height);
  useFont(doc, true, 10);
  writeText(doc, title, PAGE.left, contentWidth(doc));
  useFont(doc, false, 10);
  for (const line of lines) writeText(doc, line, PAGE.left + 12, width);
  doc.y += GAP;
}

function writeBlock(doc: Doc, block: Block): void {
  switch (block.kind) {
    case 'title':
      useFont(doc, true, 16);
      ensureRoom(doc, doc.currentLineHeight(true) * 2);
      writeText(doc, block.text, PAGE.left, contentWidth(doc));
      doc.y += GAP;
      return;
    case 'heading':
      useFont(doc, true, 12);
      ensureRoom(doc, doc.currentLineHeight(true) * 3);
      doc.y += GAP;
      writeText(doc, block.text, PAGE.left, contentWidth(doc));
      doc.moveTo(PAGE.left, doc.y).lineTo(PAGE.left + contentWidth(doc), doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
      doc.y += GAP;
      return;
    case 'fields':
      writeFields(doc, block.rows);
      return;
    case 'paragraph':
      useFont(doc, false, 10);
      writeText(doc, block.text, PAGE.left, contentWidth(doc));
      doc.y += GAP;
      return;
    case 'item':
      writeItem(doc, block.title, block.lines);
      return;
  }
}

/** Draws text at a fixed place without moving the flow or breaking the page. */
function place(doc: Doc, text: string, x: number, y: number, options: { width: number; align?: 'left' | 'right' }): void {
  if (hasRtl(text) && options.align !== 'right') {
    const saved = doc.y;
    doc.y = y;
    writeText(doc, text, x, options.width);
    doc.y = saved;
    return;
  }
  doc.text(text, x, y, { width: options.width, align: options.align ?? 'left', lineBreak: false });
}

function decoratePage(doc: Doc, spec: DocumentSpec, pageNumber: number, pageCount: number): void {
  const width = contentWidth(doc);
  const { hospital } = spec;
  // The header and footer sit in the margins: let nothing there start a new page.
  doc.page.margins.bottom = 0;
  useFont(doc, true, 14);
  place(doc, hospital.name, PAGE.left, 36, { width: width * 0.6 });
  useFont(doc, false, 9);
  const contact = [hospital.address, hospital.phone ? `Phone ${hospital.phone}` : null].filter((part): part is string => part !== null && part !== '');
  place(doc, contact.join(' · '), PAGE.left, 56, { width: width * 0.78 });
  useFont(doc, true, 10);
  place(doc, spec.title, PAGE.left + width * 0.6, 38, { width: width * 0.4, align: 'right' });
  if (spec.mark) {
    useFont(doc, true, 12);
    place(doc, spec.mark, PAGE.left + width * 0.8, 56, { width: width * 0.2, align: 'right' });
  }
  doc.moveTo(PAGE.left, 84).lineTo(PAGE.left + width, 84).lineWidth(1).strokeColor('#333333').stroke();

  if (spec.mark) {
    doc.save();
    doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
    useFont(doc, true, 110);
    doc.fillColor('#cc0000', 0.15);
    doc.text(spec.mark, 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.restore();
    doc.fillColor('#000000', 1);
    if (spec.markNote) {
      useFont(doc, false, 9);
      place(doc, spec.markNote, PAGE.left, 90, { width });
    }
  }

  const footerY = doc.page.height - PAGE.bottom + 24;
  doc.moveTo(PAGE.left, footerY - 6).lineTo(PAGE.left + width, footerY - 6).lineWidth(0.5).strokeColor('#999999').stroke();
  useFont(doc, false, 8);
  place(doc, `Printed ${formatLocal(spec.generatedAt, hospital.timeZone)}`, PAGE.left, footerY, { width: width * 0.7 });
  place(doc, `Page ${pageNumber} of ${pageCount}`, PAGE.left + width * 0.7, footerY, { width: width * 0.3, align: 'right' });
}

/**
 * Renders a document to PDF bytes. Pure in its input: the same spec gives the same bytes (the
 * dates come from `generatedAt`, and the file id is derived from them).
 */
export function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    compress: true,
    info: { Title: spec.title, Author: spec.hospital.name, Creator: 'HMS', Producer: 'HMS', CreationDate: spec.generatedAt, ModDate: spec.generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Regular', FONT_REGULAR);
  doc.registerFont('Bold', FONT_BOLD);
  doc.fillColor('#000000');
  for (const block of spec.blocks) writeBlock(doc, block);
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    decoratePage(doc, spec, index + 1, range.count);
  }
  doc.end();
  return done;
}
