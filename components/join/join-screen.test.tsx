import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { ErrorCode } from '@/lib/protocol/codes';
import { JoinScreen } from './join-screen';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn(), replace: vi.fn() }) }));
vi.mock('@/lib/i18n/client-locale', () => ({ useWorkshopLocale: () => undefined }));
vi.mock('@/lib/client/api', async (actual) => {
  const real = await actual<typeof import('@/lib/client/api')>();
  return {
    ...real,
    api: {
      lookupCode: async () => ({ workshopId: 'w1', title: 'Kevät', locale: 'fi' }),
      join: async () => {
        throw new real.ApiError(ErrorCode.WORKSHOP_FULL, 'This workshop is full (200 people)');
      },
    },
  };
});

const catalogues = { en, fi };

describe('JoinScreen', () => {
  it.each(['en', 'fi'] as const)(
    'says in %s that a full workshop takes nobody more',
    async (locale) => {
      render(
        <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
          <JoinScreen code="ABCDEF" />
        </NextIntlClientProvider>,
      );
      fireEvent.change(await screen.findByLabelText(catalogues[locale].join.nameLabel), {
        target: { value: 'Aino' },
      });
      fireEvent.click(screen.getAllByRole('radio')[0]!);
      fireEvent.submit(screen.getByRole('button').closest('form')!);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(catalogues[locale].errors.WORKSHOP_FULL);
    },
  );
});
