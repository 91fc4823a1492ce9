import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { ErrorCode } from '@/lib/protocol/codes';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { ErrorMessage } from '../ui/error-message';
import { StorageNotice } from './storage-notice';

const catalogues = { en, fi };

function inLocale(locale: 'en' | 'fi', ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
      {ui}
    </NextIntlClientProvider>,
  );
}

afterEach(() => {
  useWorkshopDoc.setState({ storageFailed: false });
  useSession.setState({ storageFailed: false });
});

describe('StorageNotice', () => {
  it('shows nothing while storage works', () => {
    inLocale('en', <StorageNotice />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [
      'en',
      'Board changes not saved: the server could not store them. Reconnecting to send them again',
    ],
    [
      'fi',
      'Taulun muutoksia ei tallennettu: palvelin ei saanut niitä talteen. Yhdistetään uudelleen',
    ],
  ] as const)(
    'says in %s that board edits were not saved and are being sent again (a 4500 close)',
    (locale, text) => {
      useWorkshopDoc.setState({ storageFailed: true });
      inLocale(locale, <StorageNotice />);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(text);
      expect(alert.textContent).not.toContain(catalogues[locale].storage.loadFailed);
    },
  );

  it.each([
    ['en', 'The server could not load this workshop from its storage. Trying again…'],
    ['fi', 'Palvelin ei saanut ladattua työpajaa tallennustilastaan. Yritetään uudelleen…'],
  ] as const)('says in %s that the workshop could not be loaded (handshake)', (locale, text) => {
    useSession.setState({ storageFailed: true });
    inLocale(locale, <StorageNotice />);
    expect(screen.getByRole('alert').textContent).toContain(text);
  });

  it('goes away once the board is saved again', () => {
    useWorkshopDoc.setState({ storageFailed: true });
    const view = inLocale('en', <StorageNotice />);
    expect(screen.getByTestId('storage-notice')).toBeTruthy();
    useWorkshopDoc.setState({ storageFailed: false });
    view.rerender(
      <NextIntlClientProvider locale="en" messages={en}>
        <StorageNotice />
      </NextIntlClientProvider>,
    );
    expect(screen.queryByTestId('storage-notice')).toBeNull();
  });
});

describe('a refused command (STORAGE_FAILED on the ack)', () => {
  it.each([
    ['en', 'Not saved: the server could not store the change. Try again in a moment.'],
    ['fi', 'Ei tallennettu: palvelin ei saanut muutosta talteen. Yritä hetken päästä uudelleen.'],
  ] as const)('is shown in %s as not saved', (locale, text) => {
    inLocale(locale, <ErrorMessage code={ErrorCode.STORAGE_FAILED} />);
    expect(screen.getByRole('alert').textContent).toContain(text);
  });
});
