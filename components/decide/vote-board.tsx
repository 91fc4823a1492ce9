'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { type NoteView, readNotes } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { can } from '@/lib/domain/permissions';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { useCommand } from '../run/use-command';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';

const NO_NOTES: NoteView[] = [];
/**
 * a11y: the dot buttons are aria-disabled, not disabled, when they cannot act: a disabled
 * button drops keyboard focus, which would happen on the very press that spends the last dot.
 */
const INERT = 'aria-disabled:cursor-not-allowed aria-disabled:opacity-50';

/** Ideas are the notes in the board's ideas lane, in path order then by age. */
export function useIdeas(doc: Y.Doc | null, steps: PathStep[]): NoteView[] {
  const notes = useDocValue(doc, readNotes, NO_NOTES);
  const order = new Map(steps.map((s, i) => [s.id, i]));
  return notes
    .filter((n) => n.lane === 'ideas' && order.has(n.stepId))
    .sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
}

/** Dot voting: each person spends their budget on ideas; totals show when allowed. */
/** What a phase's panel needs: the shared state, who is looking, the path and the document. */
export interface StagePanelProps {
  state: WorkshopState;
  you: You;
  steps: PathStep[];
  doc: Y.Doc | null;
}

export function VoteBoard({ state, you, steps, doc }: StagePanelProps) {
  const t = useTranslations('vote');
  const ideas = useIdeas(doc, steps);
  const myVotes = useSession((s) => s.myVotes);
  const results = useSession((s) => s.voteResults);
  const { run, error } = useCommand();
  const { votes: settings } = state.control;
  const mayVote = can(you.role, 'vote') && !settings.closed;
  const stepNo = (stepId: string) => steps.findIndex((s) => s.id === stepId) + 1;
  const totals = new Map(results?.ideas.map((r) => [r.ideaId, r]) ?? []);
  // Presses faster than the server answers (a held Enter key repeats) count on from the
  // last press, not from the last answer, so no dot is lost to a stale count.
  const asked = useRef(new Map<string, number>());
  useEffect(() => {
    for (const [id, dots] of asked.current) {
      if ((myVotes?.votes[id] ?? 0) === dots) asked.current.delete(id);
    }
  }, [myVotes]);
  function setDots(ideaId: string, delta: 1 | -1) {
    const from = asked.current.get(ideaId) ?? useSession.getState().myVotes?.votes[ideaId] ?? 0;
    const dots = from + delta;
    if (dots < 0 || dots > settings.maxPerIdea) return;
    asked.current.set(ideaId, dots);
    void run('vote:set', { ideaId, dots }).then((ok) => {
      if (!ok) asked.current.delete(ideaId);
    });
  }
  const ranked = results
    ? [...ideas].sort((a, b) => (totals.get(b.id)?.dots ?? 0) - (totals.get(a.id)?.dots ?? 0))
    : ideas;

  return (
    <section
      aria-labelledby="vote-heading"
      className="flex flex-col gap-4"
      data-testid="vote-board"
    >
      <h2 id="vote-heading" className="text-xl font-semibold">
        {t('heading')}
      </h2>
      {mayVote && myVotes && (
        <p
          className="text-lg font-medium"
          aria-live="polite"
          data-testid="dots-left"
          data-left={myVotes.left}
        >
          {t('left', { left: myVotes.left, budget: settings.budget })}
        </p>
      )}
      {settings.closed && <p role="status">{t('closed')}</p>}
      {!results && <p className="text-sm text-stone-700">{t('hidden')}</p>}
      <ErrorMessage code={error} />
      {ideas.length === 0 ? (
        <p>{t('noIdeas')}</p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="ideas">
          {ranked.map((idea) => {
            const mine = myVotes?.votes[idea.id] ?? 0;
            const total = totals.get(idea.id);
            const mayAdd = mine < settings.maxPerIdea && (myVotes?.left ?? 0) > 0;
            return (
              <li
                key={idea.id}
                className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-stone-300 bg-white p-3"
                data-idea-id={idea.id}
                data-total={total?.dots ?? ''}
              >
                <div className="min-w-0">
                  <p className="text-xs text-stone-600">{t('step', { n: stepNo(idea.stepId) })}</p>
                  <p className="font-medium wrap-anywhere">{idea.text}</p>
                  {total && (
                    <p className="text-sm">
                      {t('total', { dots: total.dots, voters: total.voters })}
                    </p>
                  )}
                </div>
                {mayVote && (
                  <div className="flex items-center gap-2">
                    <Button
                      variant="secondary"
                      aria-label={t('remove', { idea: idea.text })}
                      aria-disabled={mine === 0}
                      className={INERT}
                      onClick={() => {
                        if (mine > 0) setDots(idea.id, -1);
                      }}
                    >
                      −
                    </Button>
                    <span className="min-w-16 text-center text-sm" aria-live="polite">
                      <span aria-hidden="true">{'●'.repeat(mine)}</span>
                      <span className="sr-only">{t('mine', { count: mine })}</span>
                    </span>
                    <Button
                      aria-label={t('add', { idea: idea.text })}
                      aria-disabled={!mayAdd}
                      className={INERT}
                      onClick={() => {
                        if (mayAdd) setDots(idea.id, 1);
                      }}
                    >
                      +
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
