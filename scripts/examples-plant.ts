/**
 * The planted two-round workshop that scripts/examples.ts plays (docs/examples/): who rates
 * what in each round, the warm-up answers, the board, the dots. Fixed, so reruns agree.
 */
import type { Lane } from '../lib/board/lanes';

export const STEPS = [
  'request-quote',
  'sales-call',
  'order-confirmation',
  'delivery-wait',
  'delivery',
  'invoice',
  'invoice-dispute',
  'follow-up',
] as const;

export type Role = 'customer' | 'leader' | 'staff';
type Expectation = 'worse' | 'as' | 'better';
/** A role's walk: per step (in STEPS order) the feeling, expectation and effort (1–5). */
export type Walk = Array<[valence: number, expectation: Expectation, effort: number]>;

export const ROUND_1: Record<Role, Walk> = {
  customer: [
    [1, 'as', 2],
    [2, 'better', 2],
    [-2, 'worse', 3],
    [-3, 'worse', 5],
    [0, 'as', 3],
    [-2, 'worse', 3],
    [-2, 'worse', 4],
    [0, 'as', 2],
  ],
  leader: [
    [1, 'as', 2],
    [2, 'better', 2],
    [-1, 'as', 2],
    [-1, 'as', 3],
    [0, 'as', 2],
    [2, 'as', 1],
    [-1, 'as', 3],
    [1, 'as', 1],
  ],
  staff: [
    [1, 'as', 2],
    [1, 'as', 2],
    [-1, 'as', 3],
    [-2, 'worse', 4],
    [-1, 'as', 3],
    [1, 'as', 2],
    [-2, 'as', 3],
    [0, 'as', 2],
  ],
};

/** Round 2: the proxies as before; leaders and staff now in staff's boots. */
export const ROUND_2: Record<Role, Walk> = {
  customer: ROUND_1.customer,
  leader: [
    [2, 'as', 1],
    [2, 'as', 2],
    [0, 'as', 2],
    [-1, 'as', 3],
    [0, 'as', 2],
    [1, 'as', 2],
    [-1, 'as', 3],
    [1, 'as', 1],
  ],
  staff: [
    [1, 'as', 2],
    [1, 'as', 2],
    [-1, 'worse', 3],
    [-3, 'worse', 5],
    [-2, 'worse', 4],
    [-1, 'as', 3],
    [-3, 'worse', 5],
    [0, 'as', 2],
  ],
};

/** Each role's three people (fixed names), their personas and warm-up answers. */
export const PEOPLE: Record<
  Role,
  Array<{ name: string; persona: string; warmup: [number, number] }>
> = {
  customer: [
    { name: 'Aino (purchaser)', persona: 'purchaser', warmup: [6, 4] },
    { name: 'Ben (accounts payable)', persona: 'accounts-payable', warmup: [7, 3] },
    { name: 'Chen (site manager)', persona: 'site-manager', warmup: [6, 5] },
  ],
  leader: [
    { name: 'Dana', persona: 'purchaser', warmup: [8, 8] },
    { name: 'Eero', persona: 'accounts-payable', warmup: [9, 7] },
    { name: 'Fatima', persona: 'site-manager', warmup: [8, 8] },
  ],
  staff: [
    { name: 'Gus', persona: 'purchaser', warmup: [5, 6] },
    { name: 'Hanna', persona: 'accounts-payable', warmup: [4, 5] },
    { name: 'Ilkka', persona: 'site-manager', warmup: [6, 6] },
  ],
};

/** Notes the proxies write with their round 1 ratings (step index → note of the first proxy). */
export const NOTES: Record<number, string> = {
  2: 'No delivery date, only product codes. Did they understand my order?',
  3: 'I called to ask where the order was and was transferred twice.',
  5: 'The invoice has the missing line on it too.',
};

/**
 * Persons' spread around their role's feeling: it adds up to zero within a role (the role's
 * mean is kept) and within a persona (rotated per role), so no persona stands out by chance.
 */
export const SPREAD = [0, 1, -1];
export const ROLES = ['customer', 'leader', 'staff'] as const;

/** The board: pains and gains as the group found them, and three ideas. */
export const BOARD: Array<{ id: string; stepId: string; lane: Lane; text: string }> = [
  {
    id: 'gain-call',
    stepId: 'sales-call',
    lane: 'gains',
    text: 'The salesperson really listened',
  },
  {
    id: 'pain-codes',
    stepId: 'order-confirmation',
    lane: 'pains',
    text: 'Only product codes, no delivery date',
  },
  {
    id: 'pain-transfer',
    stepId: 'delivery-wait',
    lane: 'pains',
    text: 'Transferred twice when asking where the order is',
  },
  {
    id: 'pain-calls',
    stepId: 'delivery-wait',
    lane: 'pains',
    text: 'Staff cannot see the delivery status either',
  },
  {
    id: 'pain-line',
    stepId: 'invoice',
    lane: 'pains',
    text: 'Invoiced for the line that never arrived',
  },
  {
    id: 'idea-date',
    stepId: 'order-confirmation',
    lane: 'ideas',
    text: 'Put the delivery date in the order confirmation',
  },
  {
    id: 'idea-tracking',
    stepId: 'delivery-wait',
    lane: 'ideas',
    text: 'Send a tracking link when the order ships',
  },
  {
    id: 'idea-invoice',
    stepId: 'invoice',
    lane: 'ideas',
    text: 'Invoice only what was delivered',
  },
];

/** Dots each person of a role puts on the ideas. */
export const DOTS: Record<Role, Record<string, number>> = {
  customer: { 'idea-date': 2, 'idea-tracking': 3 },
  leader: { 'idea-date': 2, 'idea-invoice': 1 },
  staff: { 'idea-tracking': 2, 'idea-invoice': 3 },
};
