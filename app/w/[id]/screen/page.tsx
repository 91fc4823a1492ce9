import { ProjectorScreen } from '@/components/workshop/screens';

export default async function ScreenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ProjectorScreen workshopId={id} />;
}
