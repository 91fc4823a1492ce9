'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { readPath, type PathStep } from '@/lib/board/path-doc';
import {
  savedFacilitatorKey,
  savedToken,
  saveFacilitatorKey,
  saveToken,
} from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { useDocValue } from '@/lib/client/use-doc-value';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { FacilitatorStage } from '../run/facilitator-stage';
import { WorkshopSettings } from '../run/workshop-settings';
import { BoardSettings } from '../board/board-settings';
import { StepBoard } from '../board/step-board';
import { CardsEditor } from '../path/cards-editor';
import { JourneyView } from '../path/journey-view';
import { LiveJourneyMap } from '../map/live-journey-map';
import { mapAvailable } from '@/lib/board/journey-map';
import { PathEditor } from '../path/path-editor';
import { PeopleManager } from '../people/people-manager';
import { ErrorMessage } from '../ui/error-message';
import { Tabs } from '../ui/tabs';
import { FacilitatorLink } from './facilitator-link';
import { FacilitatorSignIn } from './facilitator-sign-in';
import { JoinPanel } from './join-panel';
import { RevealAnnouncer } from '../run/reveal-announcer';
import { TimerAnnouncer } from '../run/timer-announcer';
import { PhaseBanner } from './phase-banner';
import { PhaseControls } from './phase-controls';
import { PhaseGuidePanel } from './phase-guide-panel';
import { PresenceList } from './presence-list';
import { SimulatedPeople } from './simulated-people';
import { useConnect } from './use-connect';
import { WorkshopHeader } from './workshop-header';

const NO_STEPS: PathStep[] = [];

function keyInFragment(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('key');
}

export function FacilitatorScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations();
  // undefined until the browser has been read (server render).
  const key = useBrowserValue<string | null | undefined>(
    () => keyInFragment() ?? savedFacilitatorKey(workshopId),
    undefined,
  );
  const storedToken = useBrowserValue(() => savedToken(workshopId, 'facilitator'), null);
  const [freshToken, setFreshToken] = useState<string | null>(null);
  const token = freshToken ?? storedToken;
  useEffect(() => {
    // Keep the key, then take it out of the address bar: it must not show on a shared screen.
    const fromFragment = keyInFragment();
    if (!fromFragment) return;
    saveFacilitatorKey(workshopId, fromFragment);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [workshopId]);
  useConnect(workshopId, token);
  const state = useSession((s) => s.state);
  const you = useSession((s) => s.you);
  const refusal = useSession((s) => s.refusal);
  const doc = useWorkshopDoc((s) => s.doc);
  const steps = useDocValue(doc, readPath, NO_STEPS);

  if (key === undefined) return null;
  // An expired (or no longer valid) token: the key signs the facilitator in again.
  const refused = refusal === 'UNAUTHORIZED' || refusal === 'TOKEN_EXPIRED';
  if (!token || (refused && key)) {
    return (
      <main className="px-4 py-8">
        {key ? (
          <FacilitatorSignIn
            workshopId={workshopId}
            facilitatorKey={key}
            onToken={(tok) => {
              saveToken(workshopId, tok, 'facilitator');
              setFreshToken(tok);
            }}
          />
        ) : (
          <p role="alert" className="mx-auto max-w-xl text-lg">
            {t('facilitator.noKey')}
          </p>
        )}
      </main>
    );
  }
  return (
    <div className="min-h-screen">
      <WorkshopHeader
        title={state ? t('facilitator.heading', { title: state.info.title }) : '…'}
        tools={key && <FacilitatorLink workshopId={workshopId} facilitatorKey={key} />}
      />
      <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6">
        <ErrorMessage code={refusal} />
        {state && (
          <>
            <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <div className="flex min-w-0 flex-col gap-6">
                <PhaseBanner control={state.control} />
                <RevealAnnouncer control={state.control} steps={steps} />
                <TimerAnnouncer timer={state.control.timer} />
                <PhaseGuidePanel control={state.control} stepCount={steps.length} />
                <PhaseControls control={state.control} />
                <FacilitatorStage state={state} steps={steps} doc={doc} />
                <WorkshopSettings control={state.control} />
              </div>
              <aside className="flex flex-col gap-6 rounded-xl bg-white p-6 shadow-sm">
                <JoinPanel workshopId={workshopId} joinCode={state.info.joinCode} />
                <PresenceList
                  participants={state.participants}
                  youId={you?.participantId ?? null}
                />
                {state.control.phase === 'lobby' && key && (
                  <SimulatedPeople workshopId={workshopId} facilitatorKey={key} />
                )}
              </aside>
            </div>
            <div className="rounded-xl bg-white p-6 shadow-sm">
              <Tabs
                label={t('path.editor')}
                tabs={[
                  {
                    id: 'path',
                    label: t('tabs.path'),
                    content: doc && (
                      <div className="flex flex-col gap-8">
                        <PathEditor doc={doc} />
                        <CardsEditor doc={doc} arrayName="personas" nameField="name" />
                        <CardsEditor doc={doc} arrayName="situations" nameField="title" />
                      </div>
                    ),
                  },
                  {
                    id: 'people',
                    label: t('tabs.people'),
                    content: <PeopleManager doc={doc} participants={state.participants} />,
                  },
                  {
                    id: 'board',
                    label: t('tabs.board'),
                    content: you && (
                      <div className="flex flex-col gap-4">
                        <BoardSettings control={state.control} />
                        <StepBoard
                          doc={doc}
                          steps={steps}
                          control={state.control}
                          viewer={{
                            participantId: you.participantId,
                            name: you.name,
                            role: you.role,
                          }}
                        />
                      </div>
                    ),
                  },
                  { id: 'view', label: t('tabs.view'), content: <JourneyView steps={steps} /> },
                  // From reflect on, the whole path at once, where the facilitator can write too.
                  ...(mapAvailable(state.control.phase) && you
                    ? [
                        {
                          id: 'map',
                          label: t('map.tab'),
                          content: (
                            <LiveJourneyMap
                              doc={doc}
                              steps={steps}
                              control={state.control}
                              viewer={{
                                participantId: you.participantId,
                                name: you.name,
                                role: you.role,
                              }}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
