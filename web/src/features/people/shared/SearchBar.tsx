import { Button, Group, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { readForm } from '../../../components/form.ts';

interface SearchBarProps {
  label: string;
  value: string;
  onSearch: (q: string) => void;
  description?: string;
  /** Filters placed beside the search field. */
  children?: ReactNode;
}

/** A search form: a labelled text field, optional filters and a Search button. */
export function SearchBar({ label, value, onSearch, description, children }: SearchBarProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(readForm(event.currentTarget).q ?? '');
  }
  return (
    <form role="search" aria-label={label} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          key={value}
          label={label}
          description={description}
          name="q"
          type="search"
          defaultValue={value}
          style={{ flex: '1 1 16rem' }}
          maxLength={100}
        />
        {children}
        <Button type="submit">Search</Button>
      </Group>
    </form>
  );
}
