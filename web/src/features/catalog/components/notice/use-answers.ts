import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type AnswersState = { answers: Map<string, string>; param: string; setAnswer: (question: string, option: string | null) => void; clear: () => void };

const toParam = (answers: Map<string, string>) => [...answers].map(([q, o]) => `${q}:${o}`).join(',');
const fromParam = (param: string) =>
  new Map(
    param
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split(':') as [string, string])
      .filter(([q, o]) => q && o),
  );

/** Situation answers kept in the address (?answers=q:o,…), so a notice can be shared and printed as answered. */
export function useUrlAnswers(): AnswersState {
  const [params, setParams] = useSearchParams();
  const param = params.get('answers') ?? '';
  const answers = useMemo(() => fromParam(param), [param]);
  // Each change starts from the address as it is now (not as it was at the last render: the
  // router hands the updater the params of the last render), so quick successive answers all count.
  const update = useCallback(
    (change: (answers: Map<string, string>) => void) =>
      setParams(
        () => {
          const prev = new URLSearchParams(window.location.search);
          const next = fromParam(prev.get('answers') ?? '');
          change(next);
          const p = new URLSearchParams(prev);
          if (next.size > 0) p.set('answers', toParam(next));
          else p.delete('answers');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return {
    answers,
    param,
    setAnswer: (question, option) =>
      update((next) => {
        if (option === null) next.delete(question);
        else next.set(question, option);
      }),
    clear: () => update((next) => next.clear()),
  };
}
