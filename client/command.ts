/** 0 ok, 1 error, 2 bad usage or input, 3 legal refusal, 4 checked and found wrong (audit verify/replay, simulate expectations) */
export const EXIT = { ok: 0, error: 1, usage: 2, refused: 3, foundWrong: 4 } as const;

export interface CliCommand {
  /** one line for `tartip --help` */
  summary: string;
  /** returns the exit code; prints its own output */
  run(argv: string[]): Promise<number>;
}
