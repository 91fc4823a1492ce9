import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WARMUP_ROLE_MIN_ANSWERS } from '../constants';
import { ROLES, type Role } from '../domain/roles';
import { RATED_ROLES } from './curve';
import { hiddenBecause, leaderStaffGap, nps, type RoleAnswer, warmupResults } from './warmup';

describe('nps', () => {
  it('counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toEqual({
      score: 0,
      promoters: 2,
      passives: 2,
      detractors: 2,
      mean: 6.7,
    });
  });

  it('is the share of promoters minus the share of detractors, in points', () => {
    expect(nps([10, 10, 10, 8, 2])).toMatchObject({ score: 40 });
    expect(nps([0, 1, 2, 9])).toMatchObject({ score: -50 });
  });

  it('rounds the score to whole points and the mean to one decimal', () => {
    // 1 promoter of 3 → 33.33… points; mean 23 / 3 = 7.666…
    expect(nps([9, 7, 7])).toMatchObject({ score: 33, mean: 7.7 });
    // 2 promoters of 3 → 66.66… points
    expect(nps([9, 10, 8])).toMatchObject({ score: 67, mean: 9 });
    // 1 detractor of 3 → −33.33… points
    expect(nps([6, 7, 8])).toMatchObject({ score: -33, mean: 7 });
  });

  it('is null when nobody answered', () => {
    expect(nps([])).toBeNull();
  });

  it('reaches +100 and −100 when everyone answers alike', () => {
    expect(nps([10, 10, 10])).toEqual({
      score: 100,
      promoters: 3,
      passives: 0,
      detractors: 0,
      mean: 10,
    });
    expect(nps([3, 3, 3])).toMatchObject({ score: -100, detractors: 3, mean: 3 });
    expect(nps([7, 7])).toMatchObject({ score: 0, passives: 2, mean: 7 });
  });

  it('counts a single answer as the whole group', () => {
    expect(nps([9])).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, mean: 9 });
    expect(nps([6])).toMatchObject({ score: -100, detractors: 1 });
  });
});

/** Answers of one role: workplace and customers side by side. */
function answersOf(role: Role | null, workplace: number[], customers: number[]): RoleAnswer[] {
  return workplace.map((w, i) => ({ role, workplace: w, customers: customers[i] as number }));
}

// Planted: leaders' eNPS +60 (4 promoters, 1 detractor of 5) and estimate +60 (3 of 5);
// staff's eNPS −20 (1 promoter, 2 detractors of 5) and estimate −40 (1 promoter, 3 detractors).
const LEADERS = answersOf('leader', [9, 10, 9, 10, 5], [9, 9, 9, 8, 8]);
const STAFF = answersOf('staff', [9, 7, 8, 6, 2], [5, 6, 7, 9, 3]);
const CUSTOMERS = answersOf('customer', [10, 8, 7], [10, 10, 4]);

describe('warmupResults', () => {
  it('works out the eNPS from the workplace answers and the estimate from the customer answers', () => {
    const results = warmupResults(answersOf('staff', [10, 8, 3], [5, 9, 9]));
    expect(results).toMatchObject({
      count: 3,
      enps: { score: 0, promoters: 1, passives: 1, detractors: 1, mean: 7 },
      customerEstimate: { score: 33, promoters: 2, passives: 0, detractors: 1, mean: 7.7 },
    });
  });

  it('splits both figures by role: leaders +60 against staff −20, as planted', () => {
    const results = warmupResults([...LEADERS, ...STAFF, ...CUSTOMERS]);
    expect(results?.count).toBe(13);
    expect(results?.byRole.leader).toEqual({
      count: 5,
      figures: {
        enps: { score: 60, promoters: 4, passives: 0, detractors: 1, mean: 8.6 },
        customerEstimate: { score: 60, promoters: 3, passives: 2, detractors: 0, mean: 8.6 },
      },
    });
    expect(results?.byRole.staff).toEqual({
      count: 5,
      figures: {
        enps: { score: -20, promoters: 1, passives: 2, detractors: 2, mean: 6.4 },
        customerEstimate: { score: -40, promoters: 1, passives: 1, detractors: 3, mean: 6 },
      },
    });
    expect(results?.byRole.customer.figures?.enps.score).toBe(33);
    // The room's figure still pools everyone.
    expect(results?.enps).toMatchObject({ promoters: 6, detractors: 3 });
  });

  it('hides the figures of a role with fewer answers than the minimum, but says how many', () => {
    expect(WARMUP_ROLE_MIN_ANSWERS).toBe(3);
    // Two leaders and two customers: 4 hidden together, so staff's figure gives neither away.
    const results = warmupResults([...LEADERS.slice(0, 2), ...STAFF, ...CUSTOMERS.slice(0, 2)]);
    expect(results?.byRole.leader).toEqual({ count: 2, figures: null });
    expect(results?.byRole.customer).toEqual({ count: 2, figures: null });
    expect(results?.byRole.staff.figures?.enps.score).toBe(-20);
    expect(warmupResults(STAFF)?.byRole.leader).toEqual({ count: 0, figures: null });
  });

  it('hides one more role when the room minus the shown roles would give a small group away', () => {
    // One leader: hidden. Shown, staff and customers would leave the room's figure minus
    // theirs = the leader's answer. The smaller shown group (customers) is hidden too.
    const results = warmupResults([LEADERS[0] as RoleAnswer, ...STAFF, ...CUSTOMERS]);
    expect(results?.byRole.leader).toEqual({ count: 1, figures: null });
    expect(results?.byRole.customer).toEqual({ count: 3, figures: null });
    expect(results?.byRole.staff.figures?.enps.score).toBe(-20);
  });

  it('counts answers of people no longer in an answering role among those not shown', () => {
    // Someone moved to observer after answering: their answer is in the room's figure only.
    const moved = answersOf('observer', [0], [0]);
    const unknown = answersOf(null, [10], [10]);
    const results = warmupResults([...LEADERS, ...STAFF, ...moved, ...unknown]);
    expect(results?.count).toBe(12);
    // Leaders and staff both have 5; on a tie the later role in RATED_ROLES is hidden.
    expect(results?.byRole.leader.figures).not.toBeNull();
    expect(results?.byRole.staff).toEqual({ count: 5, figures: null });
  });

  it('never leaves 1 or 2 answers to be worked out as the room minus the shown roles', () => {
    const answer = fc.record({
      role: fc.constantFrom<Role | null>(null, ...ROLES),
      workplace: fc.integer({ min: 0, max: 10 }),
      customers: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 20 }), (answers) => {
        const results = warmupResults(answers);
        if (!results) return answers.length === 0;
        const shown = RATED_ROLES.map((r) => results.byRole[r]).filter((r) => r.figures);
        const rest = results.count - shown.reduce((sum, r) => sum + r.count, 0);
        return (
          // With no role shown, the room's figure is all there is (it pools everyone).
          (shown.length === 0 || rest === 0 || rest >= WARMUP_ROLE_MIN_ANSWERS) &&
          shown.every((r) => r.count >= WARMUP_ROLE_MIN_ANSWERS)
        );
      }),
    );
  });

  it('is null when nobody answered', () => {
    expect(warmupResults([])).toBeNull();
  });
});

describe('leaderStaffGap', () => {
  it('is leaders minus staff, in points, for both figures', () => {
    const results = warmupResults([...LEADERS, ...STAFF, ...CUSTOMERS]);
    expect(results && leaderStaffGap(results)).toEqual({ enps: 80, customerEstimate: 100 });
  });

  it('is null when either side is hidden', () => {
    const results = warmupResults([...LEADERS.slice(0, 2), ...STAFF, ...CUSTOMERS]);
    expect(results && leaderStaffGap(results)).toBeNull();
  });
});

describe('hiddenBecause', () => {
  it('tells no answers, too few answers and hidden for the others apart', () => {
    const results = warmupResults([LEADERS[0] as RoleAnswer, ...STAFF, ...CUSTOMERS]);
    expect(results && hiddenBecause(results.byRole.staff)).toBeNull();
    expect(results && hiddenBecause(results.byRole.leader)).toBe('few');
    expect(results && hiddenBecause(results.byRole.customer)).toBe('others');
    expect(hiddenBecause({ count: 0, figures: null })).toBe('none');
  });
});

describe('the room’s warm-up figures', () => {
  it('are hidden while fewer than 3 answered, the count still given', () => {
    const two = warmupResults(answersOf('staff', [4, 9], [8, 2]));
    expect(two).toMatchObject({ count: 2, enps: null, customerEstimate: null });
    const three = warmupResults(answersOf('staff', [4, 9, 7], [8, 2, 7]));
    expect(three?.enps?.score).toBe(0);
  });
});
