import { Center, Loader, Text } from '@mantine/core';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Loader size="sm" aria-hidden="true" />
      <Text ml="sm">{label}</Text>
    </Center>
  );
}
