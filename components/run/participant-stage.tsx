'use client';

import { useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import { can } from '@/lib/domain/permissions';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { StepBoard } from '../board/step-board';
import { ActionsPanel } from '../decide/actions-panel';
import { VoteBoard } from '../decide/vote-board';
import { WithMap } from '../map/with-map';
import { JourneyView } from '../path/journey-view';
import { stepKey } from '@/lib/domain/ratings';
import { useSession } from '@/lib/stores/session-store';
import { PhaseInstruction } from './phase-instruction';
import { RatingForm } from './rating-form';
import { type DoneGuard, ReadyButton } from './ready-button';
import { RevealView } from './reveal-view';
import { StepRatings } from './step-ratings';
import { TargetList } from './target-list';
import { WalkView } from './walk-view';
import { WarmupForm } from './warmup-form';

/** What a participant does in the current phase, under a line saying what to do now. */
export function ParticipantStage(props: {
  state: WorkshopState;
  you: You;
  steps: PathStep[];
  doc: Y.Doc | null;
}) {
  return (
    <>
      <PhaseInstruction phase={props.state.control.phase} role={props.you.role} />
      <PhaseStage {...props} />
    </>
  );
}

function PhaseStage({
  state,
  you,
  steps,
  doc,
}: {
  state: WorkshopState;
  you: You;
  steps: PathStep[];
  doc: Y.Doc | null;
}) {
  const { control } = state;
  const myRatings = useSession((s) => s.myRatings);
  const tSummary = useTranslations('summary');
  const t = useTranslations();
  const viewer = { participantId: you.participantId, name: you.name, role: you.role };
  const mapProps = { doc, steps, control, viewer };
  const canReady =
    can(you.role, 'ready.mark') && control.phase !== 'lobby' && control.phase !== 'summary';
  // The forms place "I'm done" themselves, so that it saves what they hold first.
  const readyButton = (guard?: DoneGuard) =>
    canReady && <ReadyButton control={control} youId={you.participantId} guard={guard} />;
  const ready = readyButton();
  switch (control.phase) {
    case 'warmup':
      return (
        <Panel>
          <WarmupForm state={state} you={you} ready={readyButton} />
        </Panel>
      );
    case 'target':
      return (
        <Panel>
          <TargetList steps={steps} doc={doc} editable={false} />
          {ready}
        </Panel>
      );
    case 'walk':
      return (
        <Panel>
          <WalkView control={control} steps={steps}>
            {(step) => {
              const key = stepKey(control.round, step.id);
              const board = (
                <StepBoard
                  doc={doc}
                  steps={steps}
                  control={control}
                  viewer={viewer}
                  fixedStepId={step.id}
                />
              );
              if (control.revealed.includes(key)) {
                return (
                  <>
                    <StepRatings stepId={step.id} round={control.round} />
                    {board}
                  </>
                );
              }
              const mine = myRatings.find((r) => r.stepId === step.id && r.round === control.round);
              return (
                <>
                  {can(you.role, 'rate') ? (
                    <RatingForm
                      key={key}
                      stepId={step.id}
                      mine={mine}
                      locked={control.locked.includes(key)}
                      ready={readyButton}
                    />
                  ) : (
                    ready
                  )}
                  {board}
                </>
              );
            }}
          </WalkView>
        </Panel>
      );
    case 'reflect':
    case 'ideate':
      return (
        <Panel>
          <WithMap label={t('tabs.board')} {...mapProps}>
            <StepBoard doc={doc} steps={steps} control={control} viewer={viewer} />
          </WithMap>
          {ready}
          <RevealView steps={steps} round={control.round} />
        </Panel>
      );
    case 'vote':
      return (
        <Panel>
          <WithMap label={t('phases.vote')} {...mapProps}>
            <VoteBoard state={state} you={you} steps={steps} doc={doc} />
          </WithMap>
          {ready}
        </Panel>
      );
    case 'actions':
      return (
        <Panel>
          <WithMap label={t('phases.actions')} {...mapProps}>
            <ActionsPanel state={state} you={you} steps={steps} doc={doc} />
          </WithMap>
          {ready}
        </Panel>
      );
    case 'reveal':
      return (
        <Panel>
          <RevealView steps={steps} round={control.round} />
          {ready}
        </Panel>
      );
    case 'summary':
      return (
        <Panel>
          <a
            href={`/w/${state.info.id}/summary`}
            className="self-start rounded-md bg-boot px-4 py-2 font-medium text-white"
          >
            {tSummary('open')}
          </a>
          <WithMap label={t('phases.summary')} {...mapProps}>
            <RevealView steps={steps} round={control.round} />
          </WithMap>
        </Panel>
      );
    default:
      return (
        <Panel>
          <JourneyView steps={steps} spotlightId={control.stepId ?? undefined} />
          {ready}
        </Panel>
      );
  }
}

function Panel({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-4 rounded-xl bg-white p-6 shadow-sm">{children}</div>
  );
}
