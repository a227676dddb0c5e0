export type QueryValues = Record<string, string | readonly string[] | undefined>;

/** `?a=1&b=2&b=3` from the non-empty values (a list becomes one pair per item), or '' when none is left. */
export function queryString(values: QueryValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const item of typeof value === 'string' ? [value] : (value ?? [])) {
      if (item !== '') params.append(key, item);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
