import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { PRESCRIPTION_STATUS_LABELS, type PrescriptionStatus } from '#shared/prescriptions';
import { formatDateTime } from '../../scheduling/time.ts';
import { directions, supply } from './format.ts';
import { prescriptionPdfHref, type Prescription } from './prescriptions.api.ts';

const statusColors: Record<PrescriptionStatus, string> = {
  draft: '#8a5a00',
  active: '#1e6b30',
  completed: 'gray.8',
  stopped: 'gray.8',
  'entered-in-error': 'red.9',
};

export function PrescriptionStatusBadge({ status }: { status: PrescriptionStatus }) {
  return (
    <Badge color={statusColors[status]} variant="outline" radius="sm" tt="none" miw="max-content">
      {PRESCRIPTION_STATUS_LABELS[status]}
    </Badge>
  );
}

interface PrescriptionCardProps {
  prescription: Prescription;
  timeZone: string;
  headingOrder?: 2 | 3 | 4;
  /** Extra controls (such as Issue for a draft). */
  children?: ReactNode;
}

/** One prescription: number, status in words, each medicine with its directions, and the PDF once issued. */
export function PrescriptionCard({ prescription: p, timeZone, headingOrder = 3, children }: PrescriptionCardProps) {
  const headingId = useId();
  const isVoid = p.status === 'entered-in-error';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} bg={isVoid ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={headingOrder} size="h5" id={headingId} td={isVoid ? 'line-through' : undefined}>
            Prescription {p.number}
          </Title>
          <PrescriptionStatusBadge status={p.status} />
        </Group>
        <Text size="sm">
          {p.issuedAt ? `Issued ${formatDateTime(p.issuedAt, timeZone)}` : 'Not issued yet'} by {p.prescriber.name}
          {p.endedAt ? ` · ended ${formatDateTime(p.endedAt, timeZone)}` : ''}
        </Text>
        {p.endReason && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {isVoid ? 'Void: ' : 'Reason: '}
            </Text>
            {p.endReason}
          </Text>
        )}
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.items.map((item) => (
            <li key={item.id}>
              <Text fw={600} size="sm" td={isVoid ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {item.drug}
                {!item.checked && (
                  <Badge ml="xs" color="#9a4400" variant="outline" radius="sm" tt="none" size="sm">
                    Not checked
                  </Badge>
                )}
              </Text>
              <Text size="sm">{directions(item)}</Text>
              {supply(item) && <Text size="sm">{supply(item)}</Text>}
              {item.instructions && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.instructions}
                </Text>
              )}
            </li>
          ))}
        </Stack>
        {p.override && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              Safety warning overridden:
            </Text>{' '}
            {p.override.reason}
          </Text>
        )}
        {p.warnings.map((warning) => (
          <Text key={warning.path} size="sm" c="#9a4400">
            {warning.message}
          </Text>
        ))}
        {p.status !== 'draft' && (
          <Anchor href={prescriptionPdfHref(p.id)} size="sm" c="care.8" underline="always" className="no-print">
            Download prescription {p.number} (PDF)
          </Anchor>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
