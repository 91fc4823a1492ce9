import { RejoinScreen } from '@/components/workshop/rejoin-screen';
import { NO_INDEX } from '../../head';

export const metadata = NO_INDEX;

export default async function RejoinPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto max-w-xl px-4 py-8 text-lg">
      <RejoinScreen workshopId={id} />
    </main>
  );
}
