import { JoinScreen } from '@/components/join/join-screen';
import { LocaleSwitcher } from '@/components/locale-switcher';
import { NO_INDEX } from '../../head';

export const metadata = NO_INDEX;

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-8">
      <div className="flex justify-end">
        <LocaleSwitcher />
      </div>
      <div className="rounded-xl bg-white p-6 shadow-sm">
        {/* Keyed by the code: a corrected code starts a fresh lookup. */}
        <JoinScreen key={code} code={code} />
      </div>
    </main>
  );
}
