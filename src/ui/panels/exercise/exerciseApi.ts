// The exercise console's HTTP client: create, status, actions (docs/PROTOCOL.md "Exercises").
// Every failure comes back as a value the console can word (never a thrown fetch error).
import type {
  CreateExerciseRequest,
  CreateExerciseResponse,
  ExerciseAction,
  ExerciseActionResult,
  ExerciseStatus,
} from '../../../net/exerciseProtocol';

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

async function call<T>(path: string, init: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    return { ok: false, status: 0, code: 'UNREACHABLE', message: (e as Error).message };
  }
  const json = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
  };
  if (res.ok) return { ok: true, value: json as T };
  return {
    ok: false,
    status: res.status,
    code: json.error?.code ?? `HTTP_${res.status}`,
    message: json.error?.message ?? res.statusText,
  };
}

const jsonHeaders = (token?: string) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

export const createExercise = (body: CreateExerciseRequest) =>
  call<CreateExerciseResponse>('/api/exercises', {
    method: 'POST',
    headers: jsonHeaders(),
    body: JSON.stringify(body),
  });

export const exerciseStatus = (code: string, token: string, history: boolean) =>
  call<ExerciseStatus>(`/api/exercises/${encodeURIComponent(code)}${history ? '?history=1' : ''}`, {
    headers: jsonHeaders(token),
  });

export const exerciseAction = (code: string, token: string, action: ExerciseAction) =>
  call<ExerciseActionResult>(`/api/exercises/${encodeURIComponent(code)}/actions`, {
    method: 'POST',
    headers: jsonHeaders(token),
    body: JSON.stringify(action),
  });
