import { ParticipantScreen } from '@/components/workshop/screens';

export default async function ParticipantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ParticipantScreen workshopId={id} />;
}
