import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { FacilitatorLink } from './facilitator-link';

const catalogues = { en, fi };

describe('FacilitatorLink', () => {
  it.each(['en', 'fi'] as const)(
    'shows, when opened, the one link that opens this view anywhere, with a warning, in %s',
    (locale) => {
      const words = catalogues[locale].facilitatorLink;
      render(
        <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
          <FacilitatorLink workshopId="w123" facilitatorKey="k-secret" />
        </NextIntlClientProvider>,
      );
      // Closed at first: a projected facilitator screen does not show the key.
      const toggle = screen.getByText(words.heading);
      const details = toggle.closest('details')!;
      expect(details.open).toBe(false);
      fireEvent.click(toggle);
      expect(details.open).toBe(true);
      const field = screen.getByLabelText(words.link) as HTMLInputElement;
      expect(field.value).toBe(`${window.location.origin}/w/w123/facilitate#key=k-secret`);
      expect(details.contains(screen.getByText(words.help))).toBe(true);
      const copy = screen.getByRole('button', { name: catalogues[locale].facilitator.copy });
      expect(details.contains(copy)).toBe(true);
    },
  );
});
