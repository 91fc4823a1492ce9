'use client';

import { useEffect } from 'react';
import { useWorkshopLocale } from '@/lib/i18n/client-locale';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';

/**
 * Opens both channels for this token (control plane and shared document) and follows
 * the workshop's language.
 */
export function useConnect(workshopId: string, token: string | null): void {
  const locale = useSession((s) => s.state?.info.locale);
  useWorkshopLocale(locale);
  useEffect(() => {
    if (!token) return;
    useSession.getState().connect(token, workshopId);
    useWorkshopDoc.getState().open(workshopId, token);
    return () => {
      useSession.getState().disconnect();
      useWorkshopDoc.getState().close();
    };
  }, [workshopId, token]);
}
