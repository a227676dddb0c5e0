import { normalizeTerm } from '../formulary/terms.ts';

// The safety checks made when a prescription is issued: each item against the patient's allergies (coded
// ingredient or class, and the free-text title) and against the ingredients of the patient's active prescriptions
// and of the other items. Pure: the service loads the facts and decides what a match means.

export interface CheckedItem {
  /** How the item is named to people: "Amoxicillin 500 mg capsule". */
  label: string;
  /** Empty for a free-text medicine, which is not checked. */
  ingredients: readonly string[];
  classes: readonly string[];
}

export interface AllergyFact {
  title: string;
  ingredient: string | null;
  class: string | null;
}

export interface ActiveFact {
  number: string;
  label: string;
  ingredients: readonly string[];
}

export type ConflictCode = 'ALLERGY_CONFLICT' | 'DUPLICATE_THERAPY';

export interface Conflict {
  code: ConflictCode;
  path: string;
  message: string;
}

/** Words of a text compared the same way on both sides: hyphens split words, then case, spelling and plurals are normalized. */
const words = (text: string): string => normalizeTerm(text.replace(/-/g, ' '));

/** Generic words that alone say nothing about a medicine ("acid" in "clavulanic acid"). */
const GENERIC = new Set(['acid', 'drug', 'medicine', 'agent', 'allergy', 'allergic', 'inhibitor', 'antagonist', 'blocker', 'agonist', 'sodium', 'salt']);

/** Common names of allergy groups that are not the vocabulary's own words. */
const SYNONYMS: ReadonlyArray<readonly [said: string, term: string]> = [
  ['sulfa', 'sulfonamides'],
  ['non-steroidal anti-inflammatory', 'nsaids'],
  ['anti-inflammatory', 'nsaids'],
  ['ace-i', 'ace inhibitors'],
];

const containsPhrase = (text: string, phrase: string): boolean => phrase !== '' && ` ${text} `.includes(` ${phrase} `);

/** Whether a free-text allergy title names the term: the title contains the term, or the title is (a specific part of) the term. */
export function titleNames(title: string, term: string): boolean {
  const t = words(title);
  const phrase = words(term);
  if (containsPhrase(t, phrase)) return true;
  if (SYNONYMS.some(([said, meant]) => containsPhrase(t, words(said)) && containsPhrase(phrase, words(meant)))) return true;
  return t.length >= 4 && !GENERIC.has(t) && containsPhrase(phrase, t);
}

const sameTerm = (a: string, b: string): boolean => words(a) === words(b);

/** The first ingredient or class of the item the allergy matches, with what kind it is. */
function allergyMatch(item: CheckedItem, allergy: AllergyFact): { term: string; kind: 'ingredient' | 'class' } | null {
  for (const ingredient of item.ingredients) {
    if ((allergy.ingredient !== null && sameTerm(allergy.ingredient, ingredient)) || titleNames(allergy.title, ingredient)) return { term: ingredient, kind: 'ingredient' };
  }
  for (const cls of item.classes) {
    if ((allergy.class !== null && sameTerm(allergy.class, cls)) || titleNames(allergy.title, cls)) return { term: cls, kind: 'class' };
  }
  return null;
}

/** Every allergy and duplicate-therapy match of the items, in item order, each naming the allergy or prescription and the medicine. */
export function findConflicts(items: readonly CheckedItem[], allergies: readonly AllergyFact[], active: readonly ActiveFact[]): Conflict[] {
  const conflicts: Conflict[] = [];
  items.forEach((item, index) => {
    const path = `/items/${index}`;
    for (const allergy of allergies) {
      const match = allergyMatch(item, allergy);
      if (!match) continue;
      const why = match.kind === 'class' ? `is one of the ${match.term}` : `contains ${match.term}`;
      conflicts.push({ code: 'ALLERGY_CONFLICT', path, message: `${item.label} ${why}, and the patient has a recorded allergy: ${allergy.title}` });
    }
    for (const other of active) {
      const shared = item.ingredients.find((ingredient) => other.ingredients.some((theirs) => sameTerm(theirs, ingredient)));
      if (shared) conflicts.push({ code: 'DUPLICATE_THERAPY', path, message: `${item.label} duplicates ${shared} in ${other.label}, already active on prescription ${other.number}` });
    }
    items.slice(0, index).forEach((earlier, earlierIndex) => {
      const shared = item.ingredients.find((ingredient) => earlier.ingredients.some((theirs) => sameTerm(theirs, ingredient)));
      if (shared) conflicts.push({ code: 'DUPLICATE_THERAPY', path, message: `${item.label} duplicates ${shared} in item ${earlierIndex + 1} (${earlier.label}) of this prescription` });
    });
  });
  return conflicts;
}
