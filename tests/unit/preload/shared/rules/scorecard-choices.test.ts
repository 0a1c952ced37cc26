import { describe, expect, it } from 'vitest';
import { ratingChoices, recommendationChoices } from '../../../../../preload/shared/rules/scorecard-choices';
import { criterionRatings, recommendations } from '../../../../../preload/shared/contract/scorecard-schema';

describe('the scorecard’s choices', () => {
  it('offer every value of each scale once, in the scale’s order, with its words', () => {
    expect(ratingChoices.map((c) => c.value)).toEqual([...criterionRatings]);
    expect(ratingChoices.map((c) => c.label)).toEqual(['Strong no', 'No', 'Yes', 'Strong yes', 'Not assessed']);
    expect(recommendationChoices.map((c) => c.value)).toEqual([...recommendations]);
    expect(recommendationChoices.map((c) => c.label)).toEqual([
      'Definitely not',
      'No',
      'Yes',
      'Strong yes',
      'No decision',
    ]);
  });

  it('word each value apart, so an answer given on the panel form reads back to one value', () => {
    for (const scale of [ratingChoices, recommendationChoices])
      expect(new Set(scale.map((c) => c.label)).size).toBe(scale.length);
  });
});
