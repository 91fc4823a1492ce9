'use client';

import { useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import { assertNever } from '@/lib/domain/assert-never';
import { can } from '@/lib/domain/permissions';
import { PHASE_PROGRESS } from '@/lib/domain/progress';
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
import { ReadinessPanel } from './readiness-panel';
import { ReadyButton } from './ready-button';
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
      <PhaseInstruction
        phase={props.state.control.phase}
        role={props.you.role}
        warmupClosed={props.state.control.warmupClosed}
        actionsByParticipants={props.state.control.actionsByParticipants}
        votingClosed={props.state.control.votes.closed}
      />
      {/* The facilitator's and the projector's count; names only when not anonymous. */}
      <ReadinessPanel
        control={props.state.control}
        participants={props.state.participants}
        progress={props.state.progress}
        showNames={!props.state.control.anonymous}
        className="rounded-xl bg-white p-4 shadow-sm"
      />
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
  // "I'm done" only where nothing else counts: an answer, a rating or dots spent do.
  const ready = can(you.role, 'ready.mark') && PHASE_PROGRESS[control.phase] === 'ready' && (
    <ReadyButton control={control} youId={you.participantId} />
  );
  switch (control.phase) {
    case 'warmup':
      return (
        <Panel>
          <WarmupForm state={state} you={you} />
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
                  {can(you.role, 'rate') && (
                    <RatingForm
                      key={key}
                      stepId={step.id}
                      mine={mine}
                      locked={control.locked.includes(key)}
                      last={step.id === steps.at(-1)?.id}
                    />
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
    case 'lobby':
      return (
        <Panel>
          <JourneyView steps={steps} spotlightId={control.stepId ?? undefined} />
          {ready}
        </Panel>
      );
    default:
      return assertNever(control.phase);
  }
}

function Panel({ children }: { children: React.ReactNode }) {
  return (
    // Less padding on a phone: the charts need the width more than the frame does.
    <div className="flex min-w-0 flex-col gap-4 rounded-xl bg-white p-4 shadow-sm sm:p-6">
      {children}
    </div>
  );
}
