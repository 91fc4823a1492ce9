/**
 * The facilitator's one link: it opens the facilitator view of a workshop on any browser.
 * The key travels in the fragment, so it never reaches a server log or a Referer.
 */
export function facilitatorUrl(base: string, workshopId: string, facilitatorKey: string): string {
  return `${base}/w/${workshopId}/facilitate#key=${facilitatorKey}`;
}
