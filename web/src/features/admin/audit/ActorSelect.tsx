import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUserById, useUserSearch, type UserSummary } from './audit.api.ts';

const userLabel = (user: Pick<UserSummary, 'name' | 'email'>) => `${user.name} (${user.email})`;

interface ActorSelectProps {
  /** The chosen user's id, or '' for anyone. */
  value: string;
  onChange: (id: string) => void;
}

/** Picks the user whose actions to show: searched on the server by name or email. */
export function ActorSelect({ value, onChange }: ActorSelectProps) {
  const [search, setSearch] = useState('');
  const chosen = useUserById(value);
  const chosenLabel = chosen.data ? userLabel(chosen.data) : null;
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const users = useUserSearch(debounced === chosenLabel ? '' : debounced);
  const options = [...(chosen.data ? [chosen.data] : []), ...(users.data?.items ?? [])]
    .filter((user, index, all) => all.findIndex((other) => other.id === user.id) === index)
    .map((user) => ({ value: user.id, label: userLabel(user) }));
  if (value && !chosen.data && !chosen.isPending) options.unshift({ value, label: `User ${value}` });

  return (
    <Select
      label="Actor"
      description="Search by name or email"
      placeholder="Anyone"
      searchable
      clearable
      data={options}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: found }) => found}
      nothingFoundMessage={users.isFetching ? 'Searching…' : 'No user matches'}
      clearButtonProps={{ 'aria-label': 'Clear the actor' }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
