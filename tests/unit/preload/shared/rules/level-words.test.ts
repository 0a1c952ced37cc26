import { describe, expect, it } from 'vitest';
import { levelWords } from '../../../../../preload/shared/rules/level-words';

describe('the live microphone level in words', () => {
  it('says whether the voice comes through, never a figure in dBFS', () => {
    const said = [-Infinity, -80, -50, -20, -1].map(levelWords);
    expect(said).toEqual([
      'No sound heard',
      'No sound heard',
      'Quiet: speak up or move closer',
      'Your voice comes through',
      'Very loud: move back a little',
    ]);
    for (const words of said) expect(words).not.toMatch(/dB/);
  });
});
