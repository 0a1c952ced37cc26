/**
 * The scorecard's two scales as they are offered, in order, each value with its words: the room's
 * radio groups and the panel's Google Form ask with the same choices, so a form's answer reads back.
 */
import {
  criterionRatings,
  criterionRatingWords,
  recommendations,
  recommendationWords,
} from '../contract/scorecard-schema';

/** A criterion's rating, "Strong no" to "Strong yes", then "Not assessed". */
export const ratingChoices = criterionRatings.map((value) => ({ value, label: criterionRatingWords[value] }));

/** The overall recommendation, "Definitely not" to "Strong yes", then "No decision". */
export const recommendationChoices = recommendations.map((value) => ({ value, label: recommendationWords[value] }));
