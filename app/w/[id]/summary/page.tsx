import { SummaryScreen } from '@/components/workshop/screens';

export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 print:max-w-none print:p-0">
      <SummaryScreen workshopId={id} />
    </main>
  );
}
