import { FacilitatorScreen } from '@/components/workshop/screens';

export default async function FacilitatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FacilitatorScreen workshopId={id} />;
}
