import { PARTICIPANT_ROWS_PER_SEAT } from '../constants';
import { ErrorCode } from '../protocol/codes';
import type { Role } from './roles';
import type { Participant } from './workshop';

/**
 * Whether one more person may join a workshop that has `participants` (removed ones
 * included) and takes `maxParticipants`. Facilitators (who hold the key) are not counted
 * and are never kept out of a full room; removed people do not hold a seat. Every row
 * stays stored, so rows of all kinds are bounded too: removing and joining again cannot
 * grow a workshop for ever.
 */
export function seatRefusal(
  participants: readonly Pick<Participant, 'role' | 'removedAt'>[],
  role: Role,
  maxParticipants: number,
): { code: ErrorCode; message: string } | null {
  if (participants.length >= maxParticipants * PARTICIPANT_ROWS_PER_SEAT) {
    return {
      code: ErrorCode.WORKSHOP_FULL,
      message: 'This workshop has stored all the people it can',
    };
  }
  if (role === 'facilitator') return null;
  const seated = participants.filter((p) => p.removedAt === null && p.role !== 'facilitator');
  return seated.length >= maxParticipants
    ? {
        code: ErrorCode.WORKSHOP_FULL,
        message: `This workshop is full (${maxParticipants} people)`,
      }
    : null;
}
