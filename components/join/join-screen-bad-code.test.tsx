import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { ErrorCode } from '@/lib/protocol/codes';
import { JoinScreen } from './join-screen';

const pushed: string[] = [];
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: (url: string) => pushed.push(url), replace: vi.fn() }),
}));
vi.mock('@/lib/i18n/client-locale', () => ({ useWorkshopLocale: () => undefined }));
vi.mock('@/lib/client/api', async (actual) => {
  const real = await actual<typeof import('@/lib/client/api')>();
  return {
    ...real,
    api: {
      lookupCode: async () => {
        throw new real.ApiError(ErrorCode.NOT_FOUND, 'No workshop has that code');
      },
    },
  };
});

const catalogues = { en, fi };

describe('JoinScreen with a code no workshop has', () => {
  it.each(['en', 'fi'] as const)('lets the code be typed again, in %s', async (locale) => {
    pushed.length = 0;
    render(
      <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
        <JoinScreen code="ABCDEX" />
      </NextIntlClientProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ABCDEX');
    const input = screen.getByLabelText(catalogues[locale].landing.codeLabel) as HTMLInputElement;
    expect(input.value).toBe('ABCDEX'); // to fix one letter, not type all again
    fireEvent.change(input, { target: { value: 'abc-def' } });
    fireEvent.submit(input.closest('form')!);
    expect(pushed).toEqual(['/join/ABCDEF']);
  });
});
