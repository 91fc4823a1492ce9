'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ActionInput, ActionItem } from '@/lib/domain/actions';
import { can } from '@/lib/domain/permissions';
import { useSession } from '@/lib/stores/session-store';
import { useCommand } from '../run/use-command';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { ActionForm } from './action-form';
import { type StagePanelProps, useIdeas } from './vote-board';

/** The action list: who does what by when. Facilitators write; participants when allowed. */
export function ActionsPanel({ state, you, steps, doc }: StagePanelProps) {
  const t = useTranslations('actions');
  const actions = useSession((s) => s.actions);
  const ideas = useIdeas(doc, steps);
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
      {mayWrite && <ActionForm steps={steps} ideas={ideas} onSave={(input) => save(input)} />}
    </section>
  );
}
