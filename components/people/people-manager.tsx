'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type * as Y from 'yjs';
import { readPersonas, readSituations } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { JOINABLE_ROLES, type JoinableRole, LENSES, type Lens } from '@/lib/domain/roles';
import type { ParticipantView } from '@/lib/domain/workshop';
import type { Ack } from '@/lib/protocol/events';
import { useSession } from '@/lib/stores/session-store';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';

const NONE: never[] = [];
const selectClass = 'rounded border border-stone-400 bg-white px-2 py-1 text-sm';

/** The facilitator's list of people: role, lens, persona and card for each, and removal. */
export function PeopleManager({
  doc,
  participants,
}: {
  doc: Y.Doc | null;
  participants: ParticipantView[];
}) {
  const t = useTranslations();
  const send = useSession((s) => s.send);
  const assignments = useSession((s) => s.assignments);
  const personas = useDocValue(doc, readPersonas, NONE);
  const cards = useDocValue(doc, readSituations, NONE);
  const [error, setError] = useState<string | null>(null);
  const [onlyUnassigned, setOnlyUnassigned] = useState(true);
  const [removing, setRemoving] = useState<string | null>(null);

  async function run(request: Promise<Ack<unknown>>) {
    const result = await request;
    setError(result.ok ? null : result.error.code);
  }

  const people = participants.filter((p) => p.role !== 'facilitator');
  return (
    <section aria-labelledby="people-heading" className="flex flex-col gap-4">
      <h2 id="people-heading" className="text-lg font-semibold">
        {t('people.heading')}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => run(send('people:deal', { what: 'cards', onlyUnassigned }))}>
          {t('people.dealCards')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => run(send('people:deal', { what: 'personas', onlyUnassigned }))}
        >
          {t('people.dealPersonas')}
        </Button>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={onlyUnassigned}
            onChange={(e) => setOnlyUnassigned(e.target.checked)}
          />
          {t('people.onlyUnassigned')}
        </label>
      </div>
      <p className="text-sm text-stone-700">{t('people.dealHelp')}</p>
      <ErrorMessage code={error} />
      {people.length === 0 ? (
        <p>{t('people.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="people-table">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">
                  {t('people.name')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('people.role')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('people.lens')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('people.persona')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('people.card')}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t('people.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const mine = assignments[p.id];
                return (
                  <tr key={p.id} className="border-b border-stone-200" data-participant={p.name}>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <span aria-hidden="true">{p.online ? '● ' : '○ '}</span>
                      {p.name}
                      <span className="sr-only">
                        {' '}
                        ({p.online ? t('people.online') : t('people.away')})
                      </span>
                    </th>
                    <td className="py-2 pr-3">
                      <select
                        aria-label={`${t('people.role')}: ${p.name}`}
                        className={selectClass}
                        value={p.role}
                        onChange={(e) =>
                          run(
                            send('people:set-role', {
                              participantId: p.id,
                              role: e.target.value as JoinableRole,
                            }),
                          )
                        }
                      >
                        {JOINABLE_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="py-2 pr-3">
                      <select
                        aria-label={`${t('people.lens')}: ${p.name}`}
                        className={selectClass}
                        value={p.lens}
                        onChange={(e) =>
                          run(
                            send('people:set-lens', {
                              participantId: p.id,
                              lens: e.target.value as Lens,
                            }),
                          )
                        }
                      >
                        {LENSES.map((l) => (
                          <option key={l} value={l}>
                            {t(`lenses.${l}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="py-2 pr-3">
                      <select
                        aria-label={`${t('people.persona')}: ${p.name}`}
                        className={selectClass}
                        value={mine?.personaId ?? ''}
                        onChange={(e) =>
                          run(
                            send('people:assign', {
                              participantId: p.id,
                              personaId: e.target.value || null,
                            }),
                          )
                        }
                      >
                        <option value="">{t('people.none')}</option>
                        {personas.map((persona) => (
                          <option key={persona.id} value={persona.id}>
                            {persona.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="py-2 pr-3">
                      <select
                        aria-label={`${t('people.card')}: ${p.name}`}
                        className={selectClass}
                        value={mine?.cardId ?? ''}
                        onChange={(e) =>
                          run(
                            send('people:assign', {
                              participantId: p.id,
                              cardId: e.target.value || null,
                            }),
                          )
                        }
                      >
                        <option value="">{t('people.none')}</option>
                        {cards.map((card) => (
                          <option key={card.id} value={card.id}>
                            {card.title}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="py-2">
                      {removing === p.id ? (
                        <Button
                          onClick={() => run(send('people:remove', { participantId: p.id }))}
                          autoFocus
                        >
                          {t('people.removeYes')}
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          onClick={() => setRemoving(p.id)}
                          aria-label={t('people.confirmRemove', { name: p.name })}
                        >
                          {t('people.remove')}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
