import type { Decision } from '../letter/model';

/**
 * What each decision means for the injured worker, in the words the editor shows: a hint beside
 * the decision, a one-line summary, and the whole explanation.
 */
export const DECISION_MEANING: Readonly<Record<Decision, { hint: string; summary: string; explanation: string }>> = {
  Upheld: {
    hint: 'UR denial stands',
    summary: 'UR denial stands: treatment not authorized',
    explanation:
      'The utilization review denial stands: the requested treatment is not authorized, and the worker does not receive it through the claim (unless the determination is appealed to the WCAB within 30 days).',
  },
  Overturned: {
    hint: 'treatment to be authorized',
    summary: 'UR denial reversed: treatment must be authorized',
    explanation:
      'The utilization review denial is reversed: the claims administrator must authorize the requested treatment for the worker.',
  },
};
