/**
 * Ingredient and class names compared the same way everywhere: lower case, single spaces, British "sulph" spelled
 * "sulf", and each word in the singular ("Penicillins" and "penicillin" are one term).
 */
export function normalizeTerm(text: string): string {
  return text
    .toLowerCase()
    .replace(/sulph/g, 'sulf')
    .replace(/[^\p{L}\p{N}\-+/ ]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(singular)
    .join(' ');
}

function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Whether the normalized phrase occurs in the normalized text as whole words ("penicillin" in "penicillin rash"). */
export function containsTerm(text: string, term: string): boolean {
  if (term === '') return false;
  return ` ${text} `.includes(` ${term} `);
}

/** Trimmed, lower-case, de-duplicated terms, in their first order. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (term === '' || seen.has(term)) continue;
    seen.add(term);
    out.push(term);
  }
  return out;
}
