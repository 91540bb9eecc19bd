export const EXIT = { ok: 0, error: 1, usage: 2, refused: 3 } as const;

export interface CliCommand {
  /** one line for `tartip --help` */
  summary: string;
  /** returns the exit code; prints its own output */
  run(argv: string[]): Promise<number>;
}
