'use client';

import { useTranslations } from 'next-intl';
import { type GroupView, LANES, type NoteView, readGroups, readNotes } from '@/lib/board/board-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { hasText } from '@/lib/export/board-notes';
import type { PartProps } from './part-props';

const NO_NOTES: NoteView[] = [];
const NO_GROUPS: GroupView[] = [];

/**
 * Reflect: the step under discussion (the facilitator's spotlight) and its notes, lane by
 * lane. Notes go up without their authors: the wall shows what was said, not who said it.
 */
export function ReflectPart({ state, steps, doc }: PartProps) {
  const t = useTranslations();
  const allNotes = useDocValue(doc, readNotes, NO_NOTES);
  const allGroups = useDocValue(doc, readGroups, NO_GROUPS);
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === state.control.stepId),
  );
  const step = steps[index];
  if (!step) return <p className="text-4xl">{t('projector.noStep')}</p>;
  const notes = allNotes.filter((n) => n.stepId === step.id && hasText(n));
  const groupTitle = new Map(allGroups.map((g) => [g.id, g.title]));
  const lanes = LANES.filter(
    (lane) => !state.control.hiddenLanes.includes(lane) && notes.some((n) => n.lane === lane),
  );
  return (
    // The journey map view (issue 22) goes beside or above this, once it exists: the step
    // under discussion stays the one thing this part must show.
    <section className="flex flex-col gap-6" aria-labelledby="projector-reflect-step">
      <div>
        <p className="text-2xl text-stone-700">
          {t('projector.underDiscussion')} · {t('walk.step', { n: index + 1, total: steps.length })}
        </p>
        <h2 id="projector-reflect-step" className="text-5xl font-bold">
          {step.title}
        </h2>
      </div>
      {lanes.length === 0 ? (
        <p className="text-3xl">{t('projector.noNotes')}</p>
      ) : (
        <div className="grid grid-cols-[repeat(auto-fit,minmax(14rem,1fr))] gap-6">
          {lanes.map((lane) => (
            <section key={lane} aria-labelledby={`projector-lane-${lane}`} data-lane={lane}>
              <h3 id={`projector-lane-${lane}`} className="mb-2 text-2xl font-semibold">
                {t(`lanes.${lane}`)}
              </h3>
              <ul className="flex flex-col gap-2">
                {notes
                  .filter((n) => n.lane === lane)
                  .map((n) => (
                    <li
                      key={n.id}
                      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-2xl wrap-anywhere"
                    >
                      {n.groupId && groupTitle.get(n.groupId) && (
                        <span className="block text-lg text-stone-700">
                          {groupTitle.get(n.groupId)}
                        </span>
                      )}
                      {n.text}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
