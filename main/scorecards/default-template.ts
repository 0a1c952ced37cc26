import type { ScorecardTemplate } from '../../preload/shared/contract/scorecard-schema';

/** The id the default template is stored under: there is one default, used for every job title without its own. */
export const defaultTemplateId = 'default';

/**
 * The template used until the recruiter saves one of their own: four criteria most interviews assess,
 * each with what good looks like, so a first scorecard is structured from day one.
 */
export const builtInTemplate: ScorecardTemplate = Object.freeze({
  id: defaultTemplateId,
  name: 'Standard interview',
  criteria: [
    {
      id: 'role-skills',
      name: 'Skills for the role',
      guidance: 'Shows the skills the job needs, with concrete examples of using them.',
    },
    {
      id: 'problem-solving',
      name: 'Problem solving',
      guidance: 'Breaks a problem down, weighs options and explains the choice made.',
    },
    {
      id: 'communication',
      name: 'Communication',
      guidance: 'Answers clearly and to the point; listens and asks good questions.',
    },
    {
      id: 'collaboration',
      name: 'Collaboration',
      guidance: 'Works well with others: gives credit, takes feedback, handles disagreement.',
    },
  ],
}) as ScorecardTemplate;
