'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type * as Y from 'yjs';
import {
  deleteStep,
  insertStep,
  moveStep,
  newDocId,
  type PathStep,
  readPath,
} from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { Button } from '../ui/button';
import { StepEditor } from './step-editor';

const NO_STEPS: PathStep[] = [];

/** The facilitator's editor for the path; every change goes straight into the shared doc. */
export function PathEditor({ doc }: { doc: Y.Doc }) {
  const t = useTranslations('path');
  const steps = useDocValue(doc, readPath, NO_STEPS);
  const [announcement, setAnnouncement] = useState('');

  function move(step: PathStep, toIndex: number) {
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset.focusKey;
    moveStep(doc, step.id, toIndex);
    setAnnouncement(t('moved', { title: step.title, n: toIndex + 1 }));
    // Moving a DOM node can drop its focus: put the keyboard user back where they were.
    requestAnimationFrame(() => {
      const li = document.querySelector<HTMLElement>(`li[data-step-id="${step.id}"]`);
      if (!li || li.contains(document.activeElement)) return;
      const same = li.querySelector<HTMLButtonElement>(`[data-focus-key="${focusKey}"]`);
      (same && !same.disabled ? same : li.querySelector<HTMLElement>('input'))?.focus();
    });
  }

  function remove(step: PathStep) {
    deleteStep(doc, step.id);
    setAnnouncement(t('deleted', { title: step.title }));
  }

  function add() {
    const last = steps.at(-1);
    const id = newDocId('step');
    insertStep(doc, {
      id,
      title: t('newStepTitle'),
      description: '',
      stage: last?.stage ?? 'before',
      channel: last?.channel ?? 'web',
      department: last?.department ?? '',
      critical: false,
      targetFeeling: 'calm',
      artefact: null,
    });
    requestAnimationFrame(() => document.getElementById(`step-${id}-title`)?.focus());
  }

  return (
    <section aria-labelledby="path-editor-heading" className="flex flex-col gap-3">
      <h2 id="path-editor-heading" className="text-lg font-semibold">
        {t('editor')}
      </h2>
      <p className="text-sm text-stone-700">{t('moveHint')}</p>
      <p aria-live="polite" className="sr-only" data-testid="path-announcement">
        {announcement}
      </p>
      {steps.length === 0 && <p>{t('noSteps')}</p>}
      <ol className="flex flex-col gap-3" data-testid="path-editor">
        {steps.map((step, i) => (
          <StepEditor
            key={step.id}
            doc={doc}
            step={step}
            index={i}
            count={steps.length}
            onMove={move}
            onDelete={remove}
          />
        ))}
      </ol>
      <Button onClick={add} className="self-start">
        + {t('addStep')}
      </Button>
    </section>
  );
}
