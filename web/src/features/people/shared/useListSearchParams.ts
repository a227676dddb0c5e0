import { useSearchParams } from 'react-router';
import { useCursorPages } from './useCursorPages.ts';

/**
 * A list page's search and filters, kept in the address (`?q=…&role=…`) so that the list can be linked to and
 * survives a reload, with cursor paging that starts again at the first page whenever one of them changes.
 */
export function useListSearchParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const pages = useCursorPages(keys.map((key) => values[key]).join('|'));
  const update = (key: K, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { values, update, pages };
}

/** The choices of an active/deactivated filter, the first (any status) named by the page. */
export function activeOptions(anyLabel: string) {
  return [
    { value: '', label: anyLabel },
    { value: 'true', label: 'Active' },
    { value: 'false', label: 'Deactivated' },
  ];
}

/** An active/deactivated filter read from the address: '' (any), 'true' or 'false'. */
export function activeFilter(value: string): '' | 'true' | 'false' {
  return value === 'true' || value === 'false' ? value : '';
}
