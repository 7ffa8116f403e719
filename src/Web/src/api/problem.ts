/** An RFC 7807 answer from a service, with the field-by-field errors of a validation failure. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors: Record<string, string[]>;
  retryAfterSeconds?: number;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  /** The first message for a field (names are compared without case: servers use camelCase). */
  field(name: string): string | undefined {
    const key = Object.keys(this.problem.errors).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? this.problem.errors[key]?.[0] : undefined;
  }
}

export async function problemOf(response: Response): Promise<Problem> {
  let body: Partial<Problem> & { errors?: Record<string, string[]> } = {};
  try {
    body = await response.clone().json();
  } catch {
    // A gateway error page or an empty body: the status says enough.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    status: response.status,
    title: body.title ?? response.statusText,
    detail: body.detail,
    errors: body.errors ?? {},
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}
