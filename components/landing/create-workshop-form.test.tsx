import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { CreateWorkshopForm } from './create-workshop-form';

const sent: unknown[] = [];
vi.mock('@/lib/client/api', async (actual) => {
  const real = await actual<typeof import('@/lib/client/api')>();
  const template = { id: 'clinic-visit', title: { fi: 'Vastaanotto', en: 'Clinic' }, steps: [1] };
  return {
    ...real,
    api: {
      templates: async () => ({ templates: [template] }),
      createWorkshop: async (body: unknown) => {
        sent.push(body);
        return new Promise(() => {}); // the created card is not what this test is about
      },
    },
  };
});

const catalogues = { en, fi };

function renderForm(locale: 'en' | 'fi') {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]}>
      <CreateWorkshopForm />
    </NextIntlClientProvider>,
  );
}

describe('CreateWorkshopForm', () => {
  it.each(['en', 'fi'] as const)(
    'offers anonymity, on by default, with one line on what it means, in %s',
    (locale) => {
      const words = catalogues[locale].landing;
      renderForm(locale);
      const box = screen.getByRole('checkbox', { name: words.anonymousLabel });
      expect((box as HTMLInputElement).checked).toBe(true);
      expect(box.getAttribute('aria-describedby')).toBeTruthy();
      expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
        words.anonymousHelp,
      );
    },
  );

  it('sends the choice with the new workshop', async () => {
    renderForm('en');
    fireEvent.change(screen.getByLabelText(en.landing.titleLabel), {
      target: { value: 'Spring walk' },
    });
    await waitFor(() =>
      expect((screen.getByLabelText(en.landing.templateLabel) as HTMLSelectElement).value).toBe(
        'clinic-visit',
      ),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: en.landing.anonymousLabel }));
    fireEvent.submit(screen.getByRole('button', { name: en.landing.create }).closest('form')!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      title: 'Spring walk',
      template: 'clinic-visit',
      locale: 'en',
      anonymous: false,
    });
  });
});
