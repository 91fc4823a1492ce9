'use client';

import { useTranslations } from 'next-intl';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';

/**
 * Tells the person when the server's storage failed them: board edits that were not
 * saved (the Yjs connection closed with 4500; the edits are kept here and sent again on
 * reconnect), or a workshop that could not be loaded (STORAGE_FAILED at the handshake).
 * A refused command says so where it was given (ErrorMessage with STORAGE_FAILED).
 */
export function StorageNotice() {
  const t = useTranslations('storage');
  const boardNotSaved = useWorkshopDoc((s) => s.storageFailed);
  const loadFailed = useSession((s) => s.storageFailed);
  if (!boardNotSaved && !loadFailed) return null;
  // Fixed to the bottom of the window: seen wherever the person has scrolled to.
  return (
    <div
      role="alert"
      data-testid="storage-notice"
      className="fixed inset-x-2 bottom-2 z-50 mx-auto max-w-2xl rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900 shadow-lg"
    >
      {loadFailed && (
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('loadFailed')}
        </p>
      )}
      {boardNotSaved && (
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('boardNotSaved')}
        </p>
      )}
    </div>
  );
}
