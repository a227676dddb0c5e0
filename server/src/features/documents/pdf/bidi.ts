// Word-level reordering for lines that mix right-to-left scripts (Arabic, Hebrew) with left-to-right text.
// The font engine shapes and orders the glyphs inside one word; the order of the words on a line is ours to decide.

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LETTER = /\p{L}/u;

export type Direction = 'ltr' | 'rtl';

export const hasRtl = (text: string): boolean => RTL_LETTER.test(text);

/** The strong direction of a word, or null for neutral words (digits, punctuation). */
export function wordDirection(word: string): Direction | null {
  if (RTL_LETTER.test(word)) return 'rtl';
  return LETTER.test(word) ? 'ltr' : null;
}

/** A line's base direction: that of its first strong word, left-to-right when there is none. */
export function baseDirection(words: readonly string[]): Direction {
  for (const word of words) {
    const direction = wordDirection(word);
    if (direction) return direction;
  }
  return 'ltr';
}

/** Neutral words take the direction of their neighbours when both agree, the base direction otherwise. */
function resolve(words: readonly string[], base: Direction): Direction[] {
  const strong = words.map(wordDirection);
  return strong.map((direction, index) => {
    if (direction) return direction;
    const before = strong.slice(0, index).reverse().find((d) => d !== null) ?? base;
    const after = strong.slice(index + 1).find((d) => d !== null) ?? base;
    return before === after ? before : base;
  });
}

function reverseRuns<T>(items: T[], directions: Direction[], which: Direction): T[] {
  const out: T[] = [];
  let run: T[] = [];
  items.forEach((item, index) => {
    if (directions[index] === which) {
      run.push(item);
      return;
    }
    out.push(...run.reverse(), item);
    run = [];
  });
  return [...out, ...run.reverse()];
}

/** The words of one line (in reading order) in the order they are drawn from left to right. */
export function visualOrder(words: readonly string[]): string[] {
  const base = baseDirection(words);
  const directions = resolve(words, base);
  if (base === 'ltr') return reverseRuns([...words], directions, 'rtl');
  const reversedWords = [...words].reverse();
  const reversedDirections = [...directions].reverse();
  return reverseRuns(reversedWords, reversedDirections, 'ltr');
}
