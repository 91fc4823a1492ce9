'use client';

import { useTranslations } from 'next-intl';
import { type KeyboardEvent, useState } from 'react';
import type * as Y from 'yjs';
import { STEP_TEXT_MAX_CHARS, STEP_TITLE_MAX_CHARS } from '@/lib/board/board-shape';
import { type PathStep, setStepField } from '@/lib/board/path-doc';
import { EMOTION_NAMES } from '@/lib/domain/emotions';
import { CHANNELS, STAGES } from '@/lib/templates/schema';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

interface Props {
  doc: Y.Doc;
  step: PathStep;
  index: number;
  count: number;
  onMove: (step: PathStep, toIndex: number) => void;
  onDelete: (step: PathStep) => void;
}

/** One step of the path, every field editable; Alt+↑/↓ anywhere inside moves it. */
export function StepEditor({ doc, step, index, count, onMove, onDelete }: Props) {
  const t = useTranslations();
  const [confirming, setConfirming] = useState(false);
  const id = (field: string) => `step-${step.id}-${field}`;
  const set = <K extends keyof PathStep>(key: K, value: PathStep[K]) =>
    setStepField(doc, step.id, key, value);

  function onKeyDown(e: KeyboardEvent) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const to = index + (e.key === 'ArrowUp' ? -1 : 1);
    if (to >= 0 && to < count) onMove(step, to);
  }

  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      onKeyDown={onKeyDown}
      data-step-id={step.id}
      aria-labelledby={id('heading')}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id('heading')} className="font-semibold">
          {t('path.step', { n: index + 1 })}: {step.title}
        </h3>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            disabled={index === 0}
            onClick={() => onMove(step, index - 1)}
            data-focus-key="up"
            aria-label={`${t('path.moveUp')}: ${step.title}`}
          >
            ↑
          </Button>
          <Button
            variant="secondary"
            disabled={index === count - 1}
            onClick={() => onMove(step, index + 1)}
            data-focus-key="down"
            aria-label={`${t('path.moveDown')}: ${step.title}`}
          >
            ↓
          </Button>
          {confirming ? (
            <>
              <Button onClick={() => onDelete(step)} autoFocus>
                {t('path.confirmDelete', { title: step.title })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('path.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('path.delete')}
            </Button>
          )}
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Field id={id('title')} label={t('path.fields.title')}>
          <input
            id={id('title')}
            className={inputClass}
            maxLength={STEP_TITLE_MAX_CHARS}
            value={step.title}
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
        <Field id={id('department')} label={t('path.fields.department')}>
          <input
            id={id('department')}
            className={inputClass}
            maxLength={STEP_TITLE_MAX_CHARS}
            value={step.department}
            onChange={(e) => set('department', e.target.value)}
          />
        </Field>
        <Field id={id('stage')} label={t('path.fields.stage')}>
          <select
            id={id('stage')}
            className={inputClass}
            value={step.stage}
            onChange={(e) => set('stage', e.target.value as PathStep['stage'])}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('channel')} label={t('path.fields.channel')}>
          <select
            id={id('channel')}
            className={inputClass}
            value={step.channel}
            onChange={(e) => set('channel', e.target.value as PathStep['channel'])}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('target')} label={t('path.fields.targetFeeling')}>
          <select
            id={id('target')}
            className={inputClass}
            value={step.targetFeeling}
            onChange={(e) => set('targetFeeling', e.target.value)}
          >
            {EMOTION_NAMES.map((e) => (
              <option key={e} value={e}>
                {t(`emotions.${e}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 self-end pb-2">
          <input
            type="checkbox"
            checked={step.critical}
            onChange={(e) => set('critical', e.target.checked)}
          />
          {t('path.fields.critical')}
        </label>
      </div>
      <Field id={id('description')} label={t('path.fields.description')}>
        <textarea
          id={id('description')}
          className={inputClass}
          rows={2}
          maxLength={STEP_TEXT_MAX_CHARS}
          value={step.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </Field>
      <Field id={id('artefact')} label={t('path.fields.artefact')}>
        <textarea
          id={id('artefact')}
          className={`${inputClass} font-mono text-sm`}
          rows={2}
          maxLength={STEP_TEXT_MAX_CHARS}
          value={step.artefact ?? ''}
          onChange={(e) => set('artefact', e.target.value === '' ? null : e.target.value)}
        />
      </Field>
    </li>
  );
}
