import { Button, Paper, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../../api/problem.ts';
import { useVerifyChain, type ChainReport } from './audit.api.ts';

function reportText(report: ChainReport): string {
  if (report.intact) return `All ${report.checked} entries were checked and none was changed or removed.`;
  return `Entry ${report.brokenAtSeq ?? '?'} does not verify: it, or the entries after it, were changed or removed. The ${report.checked} entries before it are intact.`;
}

function Finding({ title, text, tone }: { title: string; text: string; tone: 'good' | 'bad' }) {
  return (
    <Paper withBorder p="sm" bg={tone === 'good' ? 'green.0' : 'red.0'} style={{ borderColor: `var(--mantine-color-${tone === 'good' ? 'green' : 'red'}-7)` }}>
      <Text fw={700}>{title}</Text>
      <Text size="sm">{text}</Text>
    </Paper>
  );
}

/** Checks the audit log's hash chain on request and says what it found in a status region. */
export function VerifyChain() {
  const verify = useVerifyChain();
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
        Verify chain
      </Button>
      <div role="status" style={{ width: '100%' }}>
        {verify.isPending && <Text size="sm">Verifying the chain…</Text>}
        {verify.isSuccess &&
          (verify.data.intact ? (
            <Finding tone="good" title="Chain intact" text={reportText(verify.data)} />
          ) : (
            <Finding tone="bad" title={`Chain broken at entry ${verify.data.brokenAtSeq ?? '?'}`} text={reportText(verify.data)} />
          ))}
        {verify.isError && <Finding tone="bad" title="Could not verify the chain" text={errorMessage(verify.error)} />}
      </div>
    </Stack>
  );
}
