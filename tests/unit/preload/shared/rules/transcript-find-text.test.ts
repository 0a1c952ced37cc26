import { describe, expect, it } from 'vitest';
import { findKey, findText, foldText, speakersHolding } from '../../../../../preload/shared/rules/transcript-find-text';

const names = ['Zoë Ng', 'José Martínez', 'Rita Recruiter', 'ÅSA Öberg', 'Jose\u0301 Decomposed'];

describe('what find compares', () => {
  it('reads the search trimmed, each run of whitespace one space', () => {
    expect(findText('  data \t\n base ')).toBe('data base');
    expect(findText(' \t ')).toBe('');
  });

  it('folds case and accents a character at a time, composed or not', () => {
    expect(foldText('Zoë Ñandú ÅSA')).toBe('zoe nandu asa');
    expect(foldText('Jose\u0301')).toBe('jose');
    expect(findKey('  ÉCOLE  Normale ')).toBe('ecole normale');
    // A lone accent folds to nothing: nothing to find by folding.
    expect(findKey('\u0301')).toBe('');
  });

  it.each<[string, string[]]>([
    ['zoe', ['Zoë Ng']],
    ['ZOË', ['Zoë Ng']],
    ['martinez', ['José Martínez']],
    ['tínez', ['José Martínez']],
    ['jose', ['José Martínez', 'Jose\u0301 Decomposed']],
    ['asa ob', ['ÅSA Öberg']],
    ['re', ['Rita Recruiter']],
    ['BERG', ['ÅSA Öberg']],
    ['zoey', []],
    ['   ', []],
  ])('the speakers holding “%s”', (query, found) => {
    expect(speakersHolding(query, names)).toEqual(found);
  });

  it('looks for a search that folds to nothing as typed', () => {
    expect(speakersHolding('\u0301', names)).toEqual(['Jose\u0301 Decomposed']);
  });
});
