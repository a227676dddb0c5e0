import { describe, expect, it } from 'vitest';
import { STARTER_FORMULARY } from '../../db/migrations/data/formulary-starter.ts';
import { FORMS, ROUTES } from '#shared/prescriptions';
import { normalizeTerm } from './terms.ts';

describe('the starter formulary', () => {
  it('holds at least 150 medicines, each with ingredients and classes', () => {
    expect(STARTER_FORMULARY.length).toBeGreaterThanOrEqual(150);
    for (const [name, strength, , , ingredients, classes] of STARTER_FORMULARY) {
      expect(name.trim(), 'name').not.toBe('');
      expect(strength.trim(), `${name} strength`).not.toBe('');
      expect(ingredients.length, `${name} ingredients`).toBeGreaterThan(0);
      expect(classes.length, `${name} classes`).toBeGreaterThan(0);
    }
  });

  it('names each medicine once per strength and form', () => {
    const keys = STARTER_FORMULARY.map(([name, strength, form]) => `${name.toLowerCase()}|${strength}|${form}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses only known forms and routes, and lower-case, trimmed terms', () => {
    for (const [name, , form, route, ingredients, classes] of STARTER_FORMULARY) {
      expect(FORMS, name).toContain(form);
      expect(ROUTES, name).toContain(route);
      for (const term of [...ingredients, ...classes]) expect(term, name).toBe(term.trim().toLowerCase());
    }
  });

  it('codes the medicines an allergy check depends on correctly', () => {
    const find = (name: string) => STARTER_FORMULARY.find(([n]) => n === name);
    expect(find('Amoxicillin')?.[5]).toEqual(['penicillins', 'beta-lactam antibacterials']);
    expect(find('Co-amoxiclav')?.[4]).toEqual(['amoxicillin', 'clavulanic acid']);
    expect(find('Ibuprofen')?.[5]).toContain('nsaids');
    expect(find('Cefalexin')?.[5]).toContain('cephalosporins');
    expect(find('Co-codamol')?.[4]).toEqual(['codeine', 'paracetamol']);
    const classesOf = (name: string) => STARTER_FORMULARY.filter(([n]) => n === name).flatMap(([, , , , , classes]) => classes);
    for (const name of ['Phenoxymethylpenicillin', 'Flucloxacillin', 'Benzylpenicillin', 'Piperacillin with tazobactam']) expect(classesOf(name), name).toContain('penicillins');
    for (const name of ['Cefalexin', 'Cefuroxime', 'Cefixime', 'Ceftriaxone']) expect(classesOf(name), name).toEqual(['cephalosporins', 'beta-lactam antibacterials']);
    for (const name of ['Naproxen', 'Diclofenac sodium', 'Mefenamic acid', 'Celecoxib', 'Etoricoxib', 'Aspirin']) expect(classesOf(name), name).toContain('nsaids');
    for (const name of ['Clarithromycin', 'Erythromycin', 'Azithromycin']) expect(classesOf(name), name).toContain('macrolides');
    for (const name of ['Atorvastatin', 'Simvastatin', 'Rosuvastatin', 'Pravastatin']) expect(classesOf(name), name).toContain('statins');
    for (const name of ['Ramipril', 'Lisinopril', 'Enalapril', 'Perindopril erbumine']) expect(classesOf(name), name).toContain('ace inhibitors');
    expect(find('Co-trimoxazole')?.[4]).toEqual(['sulfamethoxazole', 'trimethoprim']);
    expect(find('Co-trimoxazole')?.[5]).toContain('sulfonamides');
    for (const name of ['Paracetamol', 'Omeprazole', 'Metformin']) expect(classesOf(name), name).not.toContain('nsaids');
  });

  it('normalizes case, spacing and plurals alike on both sides of a match', () => {
    expect(normalizeTerm('  Penicillins ')).toBe(normalizeTerm('penicillin'));
    expect(normalizeTerm('NSAIDs')).toBe(normalizeTerm('nsaid'));
    expect(normalizeTerm('Beta-lactam  antibacterials')).toBe(normalizeTerm('beta-lactam antibacterial'));
    expect(normalizeTerm('Sulphonamides')).toBe(normalizeTerm('sulfonamide'));
    expect(normalizeTerm('glass')).toBe('glass');
  });
});
