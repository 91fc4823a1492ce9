'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Presence } from '@/lib/protocol/presence';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { ROLE_COLOUR, ROLE_TEXT_ON_COLOUR } from '@/lib/domain/role-style';

/**
 * Who is looking at this step, as small initials. This client only sends its presence
 * when the step it looks at changes, so a room of 150 sends little. It says only the step:
 * the server adds the name and role from the roster (and no name in an anonymous
 * workshop, where the role is shown instead).
 */
export function PresenceAvatars({ doc, stepId }: { doc: Y.Doc; stepId: string }) {
  const t = useTranslations('board');
  const tr = useTranslations('roles');
  // a11y: the avatar's colour is the role; its name is said too, not carried by colour alone.
  const who = (p: Presence) => {
    const role = p.role in ROLE_COLOUR ? tr(p.role) : '';
    return p.name && role ? `${p.name} (${role})` : p.name || role;
  };
  const provider = useWorkshopDoc((s) => s.provider);
  const awareness = provider?.awareness;
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField('presence', { stepId });
  }, [awareness, stepId]);

  const others = useSyncExternalStore(
    (onChange) => {
      if (!awareness) return () => undefined;
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    () => snapshotOf(awareness, doc.clientID, stepId),
    () => EMPTY,
  );
  if (others.length === 0) return null;
  return (
    // The names as text for a screen reader (a <p> may not carry an aria-label).
    <p className="flex items-center gap-1" data-testid="presence-avatars">
      <span className="sr-only">{t('here', { names: others.map(who).join(', ') })}</span>
      {others.map((p, i) => (
        <span
          key={`${p.name}-${i}`}
          title={who(p)}
          aria-hidden="true"
          className="flex h-7 w-7 items-center justify-center rounded-full text-xs font-bold"
          style={{
            background: ROLE_COLOUR[p.role] ?? '#666',
            color: ROLE_TEXT_ON_COLOUR[p.role] ?? '#fff',
          }}
        >
          {(p.name || tr(p.role)).slice(0, 2).toUpperCase()}
        </span>
      ))}
    </p>
  );
}

const EMPTY: Presence[] = [];
const cache = new WeakMap<object, { key: string; value: Presence[] }>();

/** Others on this step; the same array while nothing relevant changed (for useSyncExternalStore). */
function snapshotOf(
  awareness: { getStates(): Map<number, Record<string, unknown>> } | undefined,
  ownId: number,
  stepId: string,
): Presence[] {
  if (!awareness) return EMPTY;
  const value: Presence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const p = state.presence as Presence | undefined;
    if (clientId !== ownId && p && p.stepId === stepId) value.push(p);
  });
  const key = `${stepId}|${value.map((p) => `${p.name}:${p.role}`).join(',')}`;
  const cached = cache.get(awareness);
  if (cached && cached.key === key) return cached.value;
  cache.set(awareness, { key, value });
  return value;
}
