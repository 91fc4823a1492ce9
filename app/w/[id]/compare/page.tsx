import { CompareScreen } from '@/components/workshop/screens';

export default async function ComparePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <CompareScreen workshopId={id} />
    </main>
  );
}
