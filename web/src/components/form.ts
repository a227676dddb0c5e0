/** Reads a form's text fields as trimmed strings (passwords are kept as typed). */
export function readForm(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    values[key] = key.toLowerCase().includes('password') ? value : value.trim();
  }
  return values;
}

/** Props for a field's error text so that it is announced when it appears. */
export const errorProps = { role: 'alert' } as const;
