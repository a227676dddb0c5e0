import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../shared/QueryState.tsx';

interface MyProfileProps<T> {
  query: UseQueryResult<T>;
  maw: number;
  children: (profile: T) => ReactNode;
}

/** The frame of "My profile": its heading, then the signed-in person's profile once loaded. */
export function MyProfile<T>({ query, maw, children }: MyProfileProps<T>) {
  return (
    <Stack gap="lg" maw={maw}>
      <PageTitle mb={0}>My profile</PageTitle>
      <QueryState query={query} what="profile">
        {children}
      </QueryState>
    </Stack>
  );
}
