import { JoinCodeForm } from '@/components/landing/join-code-form';
import { LocaleSwitcher } from '@/components/locale-switcher';

/** Where the app opens from a phone's home screen (the manifest's `start_url`): the join. */
export default function JoinWithCodePage() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-8">
      <div className="flex justify-end">
        <LocaleSwitcher />
      </div>
      <div className="rounded-xl bg-white p-6 shadow-sm">
        <JoinCodeForm heading="h1" />
      </div>
    </main>
  );
}
