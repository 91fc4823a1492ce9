'use client';

import { useTranslations } from 'next-intl';
import type { CreatedWorkshop } from '@/lib/client/api';
import { CopyField } from '../ui/copy-field';

export function CreatedWorkshopCard({ workshop }: { workshop: CreatedWorkshop }) {
  const t = useTranslations('landing');
  return (
    <section aria-labelledby="created-heading" className="flex flex-col gap-4">
      <h2 id="created-heading" className="text-xl font-semibold">
        {t('created')}
      </h2>
      <p>{t('createdHelp')}</p>
      <p className="text-lg">
        {t('joinCode')}:{' '}
        <strong className="font-mono text-2xl tracking-widest" data-testid="created-join-code">
          {workshop.joinCode}
        </strong>
      </p>
      <CopyField id="created-join-url" label={t('joinLink')} value={workshop.joinUrl} />
      <CopyField
        id="created-facilitator-url"
        label={t('facilitatorLink')}
        value={workshop.facilitatorUrl}
      />
      <a
        href={workshop.facilitatorUrl}
        className="rounded-md bg-boot px-4 py-2 text-center font-medium text-white hover:bg-boot-dark"
      >
        {t('openFacilitator')}
      </a>
    </section>
  );
}
