import { RejoinScreen } from '@/components/workshop/rejoin-screen';

export default async function RejoinPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto max-w-xl px-4 py-8 text-lg">
      <RejoinScreen workshopId={id} />
    </main>
  );
}
