import { describe, expect, it } from 'vitest';
import { PARTICIPANT_ROWS_PER_SEAT } from '../constants';
import { ErrorCode } from '../protocol/codes';
import type { Role } from './roles';
import { seatRefusal } from './seats';

const people = (n: number, role: Role = 'staff', removedAt: number | null = null) =>
  Array.from({ length: n }, () => ({ role, removedAt }));

describe('seatRefusal', () => {
  it('seats people up to the cap, facilitators and removed people not counted', () => {
    const room = [...people(2, 'facilitator'), ...people(3, 'staff', 1), ...people(4)];
    expect(seatRefusal(room, 'customer', 5)).toBeNull();
    expect(seatRefusal([...room, ...people(1)], 'customer', 5)).toMatchObject({
      code: ErrorCode.WORKSHOP_FULL,
    });
  });

  it('lets a facilitator into a full room', () => {
    expect(seatRefusal(people(5), 'facilitator', 5)).toBeNull();
    expect(seatRefusal(people(5), 'observer', 5)?.code).toBe(ErrorCode.WORKSHOP_FULL);
  });

  it('bounds the rows stored, removed ones and facilitators included', () => {
    const rows = people(5 * PARTICIPANT_ROWS_PER_SEAT, 'staff', 1);
    expect(seatRefusal(rows.slice(1), 'staff', 5)).toBeNull();
    expect(seatRefusal(rows, 'facilitator', 5)?.code).toBe(ErrorCode.WORKSHOP_FULL);
  });
});
