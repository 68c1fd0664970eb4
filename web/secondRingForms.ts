/**
 * The form of the case page's second-ring section (views/secondRingSection.ts): ask one partner of
 * the region's second ring. Its only field is the partner role; each partner's row posts it as a
 * hidden field, so the section's buttons and the API accept and refuse the same body.
 */
import { SECOND_RING_ROLES } from '../domain/vocabulary';
import type { PageDecision } from './decisionFields';

export const SECOND_RING_DECISIONS = {
  tweede_ring: {
    label: 'decisions.tweede_ring',
    section: 'tweede_ring',
    done: 'tweedeRing.done',
    fields: [
      {
        name: 'role',
        choices: SECOND_RING_ROLES,
        words: (c) => `request.roles.${c}`,
        select: true,
        placeholder: 'casePage.chooseRole',
        problem: 'tweedeRing.problemRole',
      },
    ],
  },
} satisfies Record<string, PageDecision>;
