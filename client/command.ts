/** 0 ok, 1 error, 2 bad usage or input, 3 legal refusal, 4 checked and found wrong (audit verify/replay, simulate expectations) */
export const EXIT = { ok: 0, error: 1, usage: 2, refused: 3, foundWrong: 4 } as const;

/** An API error's HTTP status as an exit code. 2: bad usage or input (400, 401, 404, 413, 415); 3: refused (403, 409, 422: the law or the rules said no); 1: anything else. */
/** Codes of a 422 that mean bad input (exit 2), not a refusal by the law or the rules (exit 3). */
const BAD_INPUT_CODES = ['invalid_input', 'register_file_rejected'];

export function exitForStatus(status: number, code?: string): number {
  if ([400, 401, 404, 413, 415].includes(status) || (code !== undefined && BAD_INPUT_CODES.includes(code))) return EXIT.usage;
  if ([403, 409, 422].includes(status)) return EXIT.refused;
  return EXIT.error;
}
