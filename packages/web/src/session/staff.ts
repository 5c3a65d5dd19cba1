/**
 * Colleagues by name (`GET /api/staff`) and the clinic's name (`GET /api/session`), so the
 * console says who acknowledged an alert or overrode a precaution, and whose clinic it is.
 * Both are extras: while loading, or when they fail, the pages still work and say "a colleague".
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { useSession } from './session.js';

export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  readonly role: 'clinician' | 'admin';
  readonly disabled: boolean;
}

export const staffQueryKey = (userId: string) => ['staff', userId] as const;

export async function fetchStaff(signal?: AbortSignal): Promise<readonly StaffMember[]> {
  const { staff } = await api.get<{ staff: StaffMember[] }>('/api/staff', signal);
  return staff;
}

const noNames: ReadonlyMap<string, string> = new Map();

/** The clinic's staff, id → name; empty until they arrive (or for a patient, or on a failure). */
export function useStaffNames(): ReadonlyMap<string, string> {
  const { data: user } = useSession();
  const staff = user !== undefined && user !== null && user.role !== 'patient';
  const names = useQuery({
    queryKey: staffQueryKey(staff ? user.id : ''),
    queryFn: async ({ signal }) => {
      const members = await fetchStaff(signal);
      return new Map(members.map((member) => [member.id, member.displayName]));
    },
    enabled: staff,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return names.data ?? noNames;
}

/** The signed-in person's clinic, by name; undefined until known. */
export function useClinicName(): string | undefined {
  const { data: user } = useSession();
  const signedIn = user !== undefined && user !== null;
  const clinic = useQuery({
    queryKey: ['session', 'clinic', signedIn ? user.id : ''],
    queryFn: async ({ signal }) => {
      const { clinicName } = await api.get<{ clinicName?: string }>('/api/session', signal);
      return clinicName ?? '';
    },
    enabled: signedIn,
    staleTime: Infinity,
    retry: false,
  });
  return clinic.data === undefined || clinic.data === '' ? undefined : clinic.data;
}
