import { Button, Group, Text } from '@mantine/core';

interface PagerProps {
  pageNumber: number;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  busy?: boolean;
}

/** "Previous page" / "Next page" for a cursor-paged list. Hidden when everything fits on one page. */
export function Pager({ pageNumber, hasPrevious, nextCursor, onPrevious, onNext, busy = false }: PagerProps) {
  if (!hasPrevious && !nextCursor) return null;
  return (
    <Group justify="space-between" component="nav" aria-label="Pages">
      <Button variant="default" onClick={onPrevious} disabled={!hasPrevious || busy}>
        Previous page
      </Button>
      <Text size="sm" aria-live="polite">
        Page {pageNumber}
      </Text>
      <Button variant="default" onClick={() => nextCursor && onNext(nextCursor)} disabled={!nextCursor || busy}>
        Next page
      </Button>
    </Group>
  );
}
