import { formatInstant, formatMoney, joinPresent } from './format.ts';
import { renderPdf, type Block, type DocumentHospital } from './pdf/renderer.ts';

// The payment receipt: a pure function of its input, for the payments feature to wire once payments exist.

export type ReceiptMethod = 'cash' | 'card' | 'other';

export interface ReceiptInput {
  hospital: DocumentHospital;
  generatedAt: Date;
  receiptNumber: string;
  /** Instant (UTC) the payment was taken. */
  paidAt: string;
  patient: { name: string; identifier: string };
  appointment?: { start: string; doctorName: string } | null | undefined;
  /** Integer minor units (pence, cents) of `currency` (ISO 4217). */
  amountMinor: number;
  currency: string;
  method: ReceiptMethod;
  reference?: string | null | undefined;
  refunds?: readonly { at: string; amountMinor: number; reason?: string | null | undefined }[] | undefined;
}

const METHOD_NAMES: Record<ReceiptMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

export function receiptBlocks(input: ReceiptInput): Block[] {
  const zone = input.hospital.timeZone;
  const refunds = input.refunds ?? [];
  const refunded = refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  const blocks: Block[] = [
    { kind: 'title', text: `Receipt ${input.receiptNumber}` },
    {
      kind: 'fields',
      rows: [
        ['Receipt number', input.receiptNumber],
        ['Paid', formatInstant(input.paidAt, zone)],
        ['Patient', input.patient.name],
        ['Patient identifier', input.patient.identifier],
        ...(input.appointment
          ? [['Appointment', joinPresent([formatInstant(input.appointment.start, zone), input.appointment.doctorName], ', ')] as const]
          : []),
        ['Amount', formatMoney(input.amountMinor, input.currency)],
        ['Method', METHOD_NAMES[input.method]],
        ['Reference', input.reference ?? '—'],
      ],
    },
  ];
  if (refunds.length > 0) {
    blocks.push({ kind: 'heading', text: 'Refunds' });
    for (const refund of refunds) {
      blocks.push({ kind: 'paragraph', text: joinPresent([formatInstant(refund.at, zone), formatMoney(refund.amountMinor, input.currency), refund.reason]) });
    }
    blocks.push({ kind: 'fields', rows: [['Net paid', formatMoney(input.amountMinor - refunded, input.currency)]] });
  }
  return blocks;
}

/** The receipt as PDF bytes. */
export function renderReceiptPdf(input: ReceiptInput): Promise<Buffer> {
  return renderPdf({ title: `Receipt ${input.receiptNumber}`, hospital: input.hospital, generatedAt: input.generatedAt, blocks: receiptBlocks(input) });
}
