import { getTranslations } from 'next-intl/server';
import { CreateWorkshopForm } from '@/components/landing/create-workshop-form';
import { JoinCodeForm } from '@/components/landing/join-code-form';
import { LocaleSwitcher } from '@/components/locale-switcher';

export default async function LandingPage() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-4xl font-bold text-boot-dark">{t('app.name')}</h1>
          <p className="mt-1 text-lg">{t('app.tagline')}</p>
        </div>
        <LocaleSwitcher />
      </header>
      <p className="max-w-3xl text-lg">{t('landing.intro')}</p>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <div className="rounded-xl bg-white p-6 shadow-sm">
          <JoinCodeForm />
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm">
          <CreateWorkshopForm />
        </div>
      </div>
    </main>
  );
}
