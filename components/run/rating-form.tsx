'use client';

import { useTranslations } from 'next-intl';
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import type { Expectation } from '@/lib/analytics/types';
import { EMOTION_NAMES, EMOTIONS } from '@/lib/domain/emotions';
import {
  EXPECTATIONS,
  type MyRating,
  RATING_NOTE_MAX_CHARS,
  valenceFitsEmotion,
} from '@/lib/domain/ratings';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { CHOICE_CHIP } from '../ui/choice';
import { inputClass } from '../ui/field';
import { ExpectedNext } from './expected-next';
import { useCommand } from './use-command';

const EXPECTATION_KEYS: Record<string, Expectation> = {
  '<': 'worse',
  ',': 'worse',
  '=': 'as',
  '>': 'better',
  '.': 'better',
};
const VALENCES = [-3, -2, -1, 0, 1, 2, 3];

const signed = (v: number) => (v > 0 ? `+${v}` : v === 0 ? '0' : `−${-v}`);

/**
 * A participant's feeling at one step. Two choices save it: a feeling (which brings its
 * valence) and an expectation; the feeling expected at the next step (not on the `last`)
 * rides along. By keyboard: a digit, then < = or >. The saved rating is
 * what counts as done with the step (lib/domain/progress.ts); there is no "I'm done".
 * Effort saves when picked and the note when the field is left, so nothing typed waits
 * for a button.
 */
export function RatingForm({
  stepId,
  mine,
  locked,
  last,
}: {
  stepId: string;
  mine: MyRating | undefined;
  locked: boolean;
  /** The path's last step: it promises nothing, so the next feeling is not asked. */
  last: boolean;
}) {
  const t = useTranslations();
  const { run, error } = useCommand();
  const [draft, setDraft] = useState<Partial<MyRating>>({});
  const emotion = draft.emotion ?? mine?.emotion;
  const expectation = draft.expectation ?? mine?.expectation;
  const valence = draft.valence ?? mine?.valence;
  // In the draft even when cleared (undefined): a cleared choice must not fall back to mine.
  const nextOf = (d: Partial<MyRating>) =>
    'expectedNext' in d ? d.expectedNext : mine?.expectedNext;
  const [note, setNote] = useState<string | null>(null);
  const [effort, setEffort] = useState<number | null | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLElement>(null);
  const lockedNotice = useRef<HTMLParagraphElement>(null);
  // a11y: when the facilitator locks the step under a keyboard user's focus, the disabled
  // choice drops focus to the page; it moves to the notice that says why instead. Focus
  // counts as still here until it moves to another element (not when it merely drops).
  const focusHere = useRef(false);
  useLayoutEffect(() => {
    const active = document.activeElement;
    const dropped = !active || active === document.body || form.current?.contains(active);
    if (locked && focusHere.current && dropped) {
      lockedNotice.current?.focus();
    }
  }, [locked]);

  async function save(
    change: Partial<MyRating>,
    // An effort just picked, before its state update has landed.
    extra: { effort?: number | null } = {},
  ): Promise<boolean> {
    const next = { ...draft, ...change };
    setDraft(next);
    setSaved(false);
    const e = next.emotion ?? mine?.emotion;
    const x = next.expectation ?? mine?.expectation;
    if (!e || !x) return false;
    let v = next.valence ?? mine?.valence ?? EMOTIONS[e];
    if (!valenceFitsEmotion(v, e)) v = EMOTIONS[e];
    const ok = await run('rating:put', {
      stepId,
      emotion: e,
      expectation: x,
      valence: v,
      effort:
        ('effort' in extra ? extra.effort : effort === undefined ? mine?.effort : effort) ?? null,
      note: (note ?? mine?.note ?? '').trim() || null,
      ...(!last && nextOf(next) ? { expectedNext: nextOf(next) } : {}),
    });
    if (ok) setDraft({});
    setSaved(ok);
    return ok;
  }

  // A typed note the server does not have yet; saved when the field is left.
  const noteUnsaved = note !== null && (note.trim() || null) !== (mine?.note ?? null);
  // Half a rating is not saved: say which half is missing.
  const missing =
    !emotion === !expectation
      ? null
      : !emotion
        ? t('rate.missingEmotion')
        : t('rate.missingExpectation');

  function onKeyDown(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (locked || target.tagName === 'TEXTAREA' || e.altKey || e.ctrlKey || e.metaKey) return;
    const digit = '1234567890'.indexOf(e.key);
    const chosen = digit >= 0 ? EMOTION_NAMES[digit] : undefined;
    if (chosen) {
      e.preventDefault();
      void save({ emotion: chosen, valence: EMOTIONS[chosen] });
    } else if (EXPECTATION_KEYS[e.key]) {
      e.preventDefault();
      void save({ expectation: EXPECTATION_KEYS[e.key] });
    }
  }

  return (
    <section
      ref={form}
      aria-labelledby={`rate-${stepId}`}
      onKeyDown={onKeyDown}
      onFocus={() => (focusHere.current = true)}
      onBlur={(e) => {
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) {
          focusHere.current = false;
        }
      }}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 p-4"
      data-testid="rating-form"
    >
      <h3 id={`rate-${stepId}`} className="text-lg font-semibold">
        {t('rate.heading')}
      </h3>
      {locked && (
        <p role="status" ref={lockedNotice} tabIndex={-1} data-testid="rating-locked">
          {t('rate.locked')}
        </p>
      )}
      <p className="text-sm text-stone-700">{t('rate.keys')}</p>
      <fieldset disabled={locked} className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t('rate.emotion')}</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {EMOTION_NAMES.map((name, i) => (
            <label
              key={name}
              className={`${CHOICE_CHIP} flex flex-col items-center p-2 text-center`}
            >
              <input
                type="radio"
                className="sr-only"
                name={`emotion-${stepId}`}
                value={name}
                checked={emotion === name}
                onChange={() => void save({ emotion: name, valence: EMOTIONS[name] })}
              />
              <span className="font-medium">{t(`emotions.${name}`)}</span>
              <span className="text-xs" aria-hidden="true">
                {signed(EMOTIONS[name])} · {(i + 1) % 10}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={locked} className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t('rate.expectation')}</legend>
        <div className="flex flex-wrap gap-2">
          {EXPECTATIONS.map((x, i) => (
            <label key={x} className={`${CHOICE_CHIP} px-3 py-2`}>
              <input
                type="radio"
                className="sr-only"
                name={`expectation-${stepId}`}
                value={x}
                checked={expectation === x}
                onChange={() => void save({ expectation: x })}
              />
              <span aria-hidden="true">{['<', '=', '>'][i]} </span>
              {t(`rate.${x}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {emotion && (
        <fieldset disabled={locked} className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">{t('rate.valence')}</legend>
          <div className="flex flex-wrap gap-1">
            {VALENCES.filter((v) => valenceFitsEmotion(v, emotion)).map((v) => (
              <label
                key={v}
                className={`${CHOICE_CHIP} flex h-10 w-12 items-center justify-center font-mono`}
              >
                <input
                  type="radio"
                  className="sr-only"
                  name={`valence-${stepId}`}
                  value={v}
                  checked={valence === v}
                  onChange={() => void save({ valence: v })}
                />
                {signed(v)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {!last && (
        <ExpectedNext
          value={nextOf(draft)}
          disabled={locked}
          onChange={(picked) => void save({ expectedNext: picked })}
        />
      )}
      <details>
        <summary className="cursor-pointer text-sm">
          {t('rate.effort')} · {t('rate.note')}
        </summary>
        <div className="mt-2 flex flex-col gap-2">
          <label className="flex flex-col gap-1 text-sm">
            {t('rate.effort')}
            <select
              className={inputClass}
              disabled={locked}
              value={String((effort === undefined ? mine?.effort : effort) ?? '')}
              onChange={(e) => {
                const picked = e.target.value ? Number(e.target.value) : null;
                setEffort(picked);
                void save({}, { effort: picked });
              }}
            >
              <option value="">{t('rate.effortNone')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {t('rate.effortLevels', { n })}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t('rate.note')}
            <textarea
              className={inputClass}
              rows={2}
              disabled={locked}
              maxLength={RATING_NOTE_MAX_CHARS}
              value={note ?? mine?.note ?? ''}
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => {
                if (noteUnsaved) void save({});
              }}
            />
          </label>
          <Button
            variant="secondary"
            className="self-start"
            disabled={locked || !emotion || !expectation}
            onClick={() => void save({})}
          >
            {t('rate.saveNote')}
          </Button>
        </div>
      </details>
      <ErrorMessage code={error} />
      <p aria-live="polite" className="text-sm" data-testid="rating-status">
        {saved || (mine && Object.keys(draft).length === 0 && !locked)
          ? t('rate.saved')
          : missing && !locked
            ? missing
            : !mine && !(emotion && expectation)
              ? t('rate.notYet')
              : ''}
      </p>
    </section>
  );
}
