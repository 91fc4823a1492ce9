'use client';

import { useTranslations } from 'next-intl';
import { can } from '@/lib/domain/permissions';
import type { Phase } from '@/lib/domain/phases';
import type { Role } from '@/lib/domain/roles';

/**
 * One line, at the top of a participant's screen, saying what to do in this phase, so
 * that someone who has never used a collaboration tool needs nobody to tell them. An
 * observer (who may not rate, write or vote) is told so instead of being asked to act.
 * Once the warm-up is closed there is nothing left to answer: everyone reads its results.
 */
export function PhaseInstruction({
  phase,
  role,
  warmupClosed = false,
  actionsByParticipants = false,
  votingClosed = false,
}: {
  phase: Phase;
  role: Role;
  warmupClosed?: boolean;
  /** The facilitator lets participants write actions: the line says so. */
  actionsByParticipants?: boolean;
  /** The facilitator has closed the voting: the line says so, not "spend your dots". */
  votingClosed?: boolean;
}) {
  const t = useTranslations('phaseInstruction');
  const observing = !can(role, 'rate');
  const closed = phase === 'warmup' && warmupClosed;
  const voteOver = phase === 'vote' && votingClosed;
  const ownActions = phase === 'actions' && actionsByParticipants && can(role, 'action.write');
  return (
    <p
      className="rounded-lg border-l-4 border-boot bg-amber-50 px-4 py-3 text-lg"
      data-testid="phase-instruction"
      data-phase={phase}
    >
      <span className="sr-only">{t('label')}: </span>
      {closed
        ? t('warmupClosed')
        : voteOver
          ? t('voteClosed')
          : observing && phase !== 'summary'
            ? t('observer')
            : ownActions
              ? t('actionsOwn')
              : t(phase)}
    </p>
  );
}
