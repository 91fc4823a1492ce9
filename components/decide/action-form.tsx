'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { NoteView } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import { ACTION_TEXT_MAX_CHARS, type ActionInput, type ActionItem } from '@/lib/domain/actions';
import type { RankedIdea } from '@/lib/domain/idea-ranking';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

const EMPTY: ActionInput = {
  text: '',
  owner: null,
  department: null,
  dueDate: null,
  stepId: null,
  ideaId: null,
};

/** Creates an action, or edits `initial`. Every field but the text is optional. */
export function ActionForm({
  initial,
  start,
  steps,
  ideas,
  onSave,
  onCancel,
}: {
  initial?: ActionItem;
  /** A new action begun from an idea: its first draft, with the text field focused. */
  start?: Partial<ActionInput>;
  steps: PathStep[];
  /** The ideas to link, most dots first once the vote is out. */
  ideas: RankedIdea<NoteView>[];
  onSave: (input: ActionInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useTranslations('actions');
  const [draft, setDraft] = useState<ActionInput>(initial ?? { ...EMPTY, ...start });
  const textRef = useRef<HTMLInputElement>(null);
  // Picking an idea takes the writer to the form, which on a phone is further down.
  useEffect(() => {
    if (start) textRef.current?.focus();
  }, [start]);
  const id = (f: string) => `action-${initial?.id ?? 'new'}-${f}`;
  const set = (patch: Partial<ActionInput>) => setDraft((d) => ({ ...d, ...patch }));
  const orNull = (v: string) => (v.trim() ? v : null);

  // A ref, not only state: a double-click submits twice before React re-renders, and each
  // submit would create the action again.
  const saving = useRef(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    const sent = draft;
    try {
      if (await onSave({ ...sent, text: sent.text.trim() })) {
        // Clear only what was saved: a quick writer may already be typing the next action
        // while the server answers, and that text must stay.
        if (!initial) setDraft((d) => (d === sent ? EMPTY : d));
      }
    } finally {
      saving.current = false;
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-1 gap-3 rounded-lg border border-stone-300 bg-white p-3 md:grid-cols-2"
    >
      <div className="md:col-span-2">
        <Field id={id('text')} label={t('text')}>
          <input
            id={id('text')}
            ref={textRef}
            className={inputClass}
            required
            maxLength={ACTION_TEXT_MAX_CHARS}
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </Field>
      </div>
      <Field id={id('owner')} label={t('owner')}>
        <input
          id={id('owner')}
          className={inputClass}
          maxLength={80}
          value={draft.owner ?? ''}
          onChange={(e) => set({ owner: orNull(e.target.value) })}
        />
      </Field>
      <Field id={id('department')} label={t('department')}>
        <input
          id={id('department')}
          className={inputClass}
          maxLength={80}
          value={draft.department ?? ''}
          onChange={(e) => set({ department: orNull(e.target.value) })}
        />
      </Field>
      <Field id={id('due')} label={t('due')}>
        <input
          id={id('due')}
          type="date"
          className={inputClass}
          value={draft.dueDate ?? ''}
          onChange={(e) => set({ dueDate: orNull(e.target.value) })}
        />
      </Field>
      <Field id={id('step')} label={t('step')}>
        <select
          id={id('step')}
          className={inputClass}
          value={draft.stepId ?? ''}
          onChange={(e) => set({ stepId: orNull(e.target.value) })}
        >
          <option value="">{t('none')}</option>
          {steps.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('idea')} label={t('idea')}>
        <select
          id={id('idea')}
          className={inputClass}
          value={draft.ideaId ?? ''}
          onChange={(e) => set({ ideaId: orNull(e.target.value) })}
        >
          <option value="">{t('none')}</option>
          {ideas.map(({ idea, dots }) => (
            <option key={idea.id} value={idea.id}>
              {dots === null
                ? idea.text.slice(0, 60)
                : t('ideaOption', { text: idea.text.slice(0, 60), dots })}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={busy || !draft.text.trim()}>
          {initial ? t('save') : t('add')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
