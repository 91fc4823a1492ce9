'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import {
  type PathStep,
  type PersonaCard,
  readPersonas,
  readSituations,
  type SituationCard,
} from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useJourneyAnalysis, useRoundAnalyses } from '@/lib/client/use-analysis';
import { stepKey } from '@/lib/domain/ratings';
import type { WorkshopState } from '@/lib/domain/workshop';
import { Breakdowns } from '../charts/breakdowns';
import { hasOtherRounds, RoundFindings } from '../summary/round-findings';
import { Rankings } from '../charts/rankings';
import { PromisesBroken } from '../charts/promises-broken';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { RevealView } from './reveal-view';
import { StepRatings } from './step-ratings';
import { useCommand } from './use-command';

const NO_CARDS: SituationCard[] = [];
const NO_PERSONAS: PersonaCard[] = [];

/** For one step: lock and reveal, then its ratings once revealed (the progress panel counts who rated). */
export function StepRevealControls({ state, step }: { state: WorkshopState; step: PathStep }) {
  const t = useTranslations();
  const { run, error } = useCommand();
  const { control } = state;
  const key = stepKey(control.round, step.id);
  const revealed = control.revealed.includes(key);
  const locked = control.locked.includes(key);
  const ratings = useRef<HTMLDivElement>(null);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => run('walk:lock', { stepId: step.id, locked: !locked })}
        >
          {locked ? t('reveal.unlock') : t('reveal.lock')}
        </Button>
        {!revealed && (
          <Button
            onClick={async () => {
              // a11y: the button goes away once the step is revealed; focus moves on to
              // the ratings it revealed instead of falling back to the page.
              if (await run('reveal:step', { stepId: step.id })) ratings.current?.focus();
            }}
          >
            {t('reveal.step')}
          </Button>
        )}
      </div>
      <ErrorMessage code={error} />
      <div ref={ratings} tabIndex={-1} data-testid="revealed-ratings">
        {revealed ? (
          <StepRatings stepId={step.id} round={control.round} />
        ) : (
          <p className="text-sm">{t('reveal.hidden')}</p>
        )}
      </div>
    </div>
  );
}

/** The reveal phase for the facilitator: reveal everything, then the rankings to talk about. */
export function RevealControls({ state, steps }: { state: WorkshopState; steps: PathStep[] }) {
  const t = useTranslations();
  const { run, error } = useCommand();
  const analysis = useJourneyAnalysis(steps, state.control.round);
  const allRounds = useJourneyAnalysis(steps, undefined);
  const { rounds, changes } = useRoundAnalyses(steps);
  const doc = useWorkshopDoc((s) => s.doc);
  const cards = useDocValue(doc, readSituations, NO_CARDS);
  const personas = useDocValue(doc, readPersonas, NO_PERSONAS);
  const view = useRef<HTMLDivElement>(null);
  const { round, revealed } = state.control;
  // Step by step: the next step walked but not yet revealed, in path order.
  const next = steps.find((s) => {
    const key = stepKey(round, s.id);
    return (state.ratingCounts[key] ?? 0) > 0 && !revealed.includes(key);
  });
  const nextIndex = next ? steps.indexOf(next) : -1;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap gap-2">
        {next && (
          <Button
            onClick={async () => {
              if (await run('reveal:step', { stepId: next.id })) view.current?.focus();
            }}
          >
            {t('revealFlow.revealNext', { number: nextIndex + 1, title: next.title })}
          </Button>
        )}
        {/* Only while a step someone rated is hidden: the rest would reveal nothing. */}
        {next && (
          <Button
            variant={next ? 'secondary' : undefined}
            onClick={async () => {
              // a11y: as for one step, focus moves on to what was revealed.
              if (await run('reveal:all', {})) view.current?.focus();
            }}
          >
            {t('reveal.all')}
          </Button>
        )}
      </div>
      <ErrorMessage code={error} />
      <div ref={view} tabIndex={-1} data-testid="revealed-view">
        <RevealView steps={steps} round={state.control.round} />
      </div>
      <Rankings steps={steps} analysis={analysis} />
      <PromisesBroken steps={steps} analysis={analysis} />
      <Breakdowns
        steps={steps}
        analysis={analysis}
        byRound={allRounds.byRound}
        cardTitles={Object.fromEntries(cards.map((c) => [c.id, c.title]))}
        personaNames={Object.fromEntries(personas.map((p) => [p.id, p.name]))}
      />
      {/* The rankings above are this round's: the earlier rounds' findings stay in view. */}
      {hasOtherRounds(rounds, round) && (
        <section aria-labelledby="reveal-rounds" className="flex flex-col gap-3">
          <h2 id="reveal-rounds" className="text-xl font-semibold">
            {t('summary.roundsTitle')}
          </h2>
          <RoundFindings steps={steps} rounds={rounds} changes={changes} shown={round} />
        </section>
      )}
    </div>
  );
}
