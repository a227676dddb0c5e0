import { Button } from '@mantine/core';

interface PagesLike {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function ShowMore({ pages, label = 'Show more' }: { pages: PagesLike; label?: string }) {
  if (!pages.hasNextPage) return null;
  return (
    <div>
      <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
        {label}
      </Button>
    </div>
  );
}
