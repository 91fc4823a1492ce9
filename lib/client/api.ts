import type { JoinableRole, Locale, Role } from '../domain/roles';
import type { ErrorCode } from '../protocol/codes';
import { fetchServed } from './fetch-served';
import type { Template } from '../templates/schema';

/** A failed API call: the server's named error code, or 'network' when it was not reached. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetchServed(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiError('network', 'Network error');
  }
  const body = (await res.json().catch(() => null)) as
    (T & { error?: undefined }) | { error: { code: ErrorCode; message: string } } | null;
  if (!res.ok || !body) {
    const error = body && 'error' in body && body.error ? body.error : null;
    throw new ApiError(error?.code ?? 'INTERNAL', error?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export interface CreatedWorkshop {
  id: string;
  joinCode: string;
  joinUrl: string;
  facilitatorUrl: string;
  facilitatorKey: string;
}

export const api = {
  openScreen: (workshopId: string, facilitatorKey: string) =>
    call<{ token: string }>(`/api/workshops/${encodeURIComponent(workshopId)}/screens`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: `Bearer ${facilitatorKey}` },
    }),
  templates: () => call<{ templates: Template[] }>('/api/templates'),
  createWorkshop: (body: {
    title: string;
    template: string;
    locale: Locale;
    anonymous?: boolean;
  }) => call<CreatedWorkshop>('/api/workshops', { method: 'POST', body: JSON.stringify(body) }),
  lookupCode: (code: string) =>
    call<{ workshopId: string; title: string; locale: Locale }>(
      `/api/join/${encodeURIComponent(code)}`,
    ),
  join: (
    workshopId: string,
    body: { name: string; role?: JoinableRole },
    facilitatorKey?: string,
  ) =>
    call<{ participantId: string; role: Role; token: string }>(
      `/api/workshops/${encodeURIComponent(workshopId)}/participants`,
      {
        method: 'POST',
        body: JSON.stringify(body),
        headers: facilitatorKey ? { authorization: `Bearer ${facilitatorKey}` } : {},
      },
    ),
};
