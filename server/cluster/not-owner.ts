/** This node does not own the workshop: another does, or it could not be claimed. */
export class NotOwnerError extends Error {
  readonly code = 'NOT_OWNER';
  constructor(
    readonly workshopId: string,
    /** The owning node's id, when known. */
    readonly owner: string | null,
  ) {
    super(`Workshop ${workshopId} is served by ${owner ?? 'another node'}`);
    this.name = 'NotOwnerError';
  }
}
