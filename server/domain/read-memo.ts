/**
 * Reads of configuration (a queue, a state, the postmaster filters …) shared by the work of one
 * short batch: the mail intake plans many messages at once and asks the same questions for each.
 * A memo lives as long as its batch, so it never serves a stale answer for long.
 */
export type ReadMemo = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/** Every read goes to the database: what a single command uses. */
export const noMemo: ReadMemo = (_key, load) => load();

export function readMemo(): ReadMemo {
  const answers = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    let answer = answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = load();
      answers.set(key, answer);
    }
    return answer;
  };
}
