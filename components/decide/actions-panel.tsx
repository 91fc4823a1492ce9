'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { NoteView } from '@/lib/board/board-doc';
import { ACTION_TEXT_MAX_CHARS, type ActionInput, type ActionItem } from '@/lib/domain/actions';
import { rankedIdeas } from '@/lib/domain/idea-ranking';
import { can } from '@/lib/domain/permissions';
import { useSession } from '@/lib/stores/session-store';
import { useCommand } from '../run/use-command';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { ActionForm } from './action-form';
import { IdeaRanking } from './idea-ranking';
import { type StagePanelProps, useIdeas } from './vote-board';

/** The action list: who does what by when. Facilitators write; participants when allowed. */
export function ActionsPanel({ state, you, steps, doc }: StagePanelProps) {
  const t = useTranslations('actions');
  const actions = useSession((s) => s.actions);
  const results = useSession((s) => s.voteResults);
  const ideas = rankedIdeas(useIdeas(doc, steps), results);
  // A new action begun from an idea; `n` gives the form a fresh start on every pick.
  const [start, setStart] = useState<{ n: number; input: Partial<ActionInput> } | null>(null);
  const startFrom = (idea: NoteView) =>
    setStart((s) => ({
      n: (s?.n ?? 0) + 1,
      input: {
        text: idea.text.slice(0, ACTION_TEXT_MAX_CHARS),
        ideaId: idea.id,
        stepId: idea.stepId,
      },
    }));
  const { run, error } = useCommand();
  const [editing, setEditing] = useState<string | null>(null);
  const facilitator = you.role === 'facilitator';
  const mayWrite =
    facilitator || (state.control.actionsByParticipants && can(you.role, 'action.write'));
  const mayEdit = (a: ActionItem) => facilitator || (mayWrite && a.createdBy === you.participantId);
  const save = (input: ActionInput, id?: string) =>
    run('action:put', id ? { ...input, id } : input);
  const stepTitle = (stepId: string | null) => steps.find((s) => s.id === stepId)?.title ?? '–';

  return (
    <section
      aria-labelledby="actions-heading"
      className="flex flex-col gap-4"
      data-testid="actions"
    >
      <h2 id="actions-heading" className="text-xl font-semibold">
        {t('heading')}
      </h2>
      {facilitator && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={state.control.actionsByParticipants}
            onChange={(e) => run('actions:allow', { allowed: e.target.checked })}
          />
          {t('allow')}
        </label>
      )}
      {!mayWrite && <p className="text-sm text-stone-700">{t('onlyFacilitator')}</p>}
      <ErrorMessage code={error} />
      {/* The ranking comes first: above the form on a phone, beside it on a wide screen. */}
      <div
        className={`grid grid-cols-1 items-start gap-4 ${
          ideas.length > 0 ? 'sm:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]' : ''
        }`}
      >
        {ideas.length > 0 && (
          <IdeaRanking
            ranked={ideas}
            voted={results !== null}
            steps={steps}
            actions={actions}
            onStart={mayWrite ? startFrom : undefined}
            className="sm:sticky sm:top-2 sm:col-start-2 sm:row-start-1"
          />
        )}
        <div className="flex min-w-0 flex-col gap-4 sm:col-start-1 sm:row-start-1">
          {actions.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="action-list">
              {actions.map((a) =>
                editing === a.id ? (
                  <li key={a.id}>
                    <ActionForm
                      initial={a}
                      steps={steps}
                      ideas={ideas}
                      onCancel={() => setEditing(null)}
                      onSave={async (input) => {
                        const ok = await save(input, a.id);
                        if (ok) setEditing(null);
                        return ok;
                      }}
                    />
                  </li>
                ) : (
                  <li
                    key={a.id}
                    className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-stone-300 bg-white p-3"
                    data-action-id={a.id}
                  >
                    <div className="min-w-0">
                      <p className="font-medium wrap-anywhere">{a.text}</p>
                      <p className="text-sm text-stone-700 wrap-anywhere">
                        {t('owner')}: {a.owner ?? '–'} · {t('department')}: {a.department ?? '–'} ·{' '}
                        {t('due')}: {a.dueDate ?? '–'} · {t('step')}: {stepTitle(a.stepId)}
                      </p>
                    </div>
                    {mayEdit(a) && (
                      <div className="flex gap-2">
                        <Button
                          variant="secondary"
                          onClick={() => setEditing(a.id)}
                          aria-label={`${t('edit')}: ${a.text}`}
                        >
                          {t('edit')}
                        </Button>
                        <Button
                          variant="secondary"
                          onClick={() => run('action:delete', { id: a.id })}
                          aria-label={`${t('delete')}: ${a.text}`}
                        >
                          {t('delete')}
                        </Button>
                      </div>
                    )}
                  </li>
                ),
              )}
            </ul>
          )}
          {mayWrite && (
            <ActionForm
              key={start?.n ?? 0}
              start={start?.input}
              steps={steps}
              ideas={ideas}
              onSave={(input) => save(input)}
            />
          )}
        </div>
      </div>
    </section>
  );
}
