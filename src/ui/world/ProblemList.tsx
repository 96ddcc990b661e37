import { CircleAlert } from 'lucide-react';
import { useT } from '../../i18n';
import type { ScenarioProblem } from '../../scenarios/format';

/** The problems of one text, each with its line and column, as text (never HTML). */
export function ProblemList({
  problems,
  testId,
}: {
  readonly problems: readonly ScenarioProblem[];
  readonly testId?: string;
}) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div
      className="flex flex-col gap-1.5 rounded-lg border border-failed bg-failed-soft p-3 text-sm text-failed"
      data-testid={testId}
      role="alert"
    >
      <p className="flex items-center gap-1.5 font-medium">
        <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
        {t('world.brokenKeepsRunning')}
      </p>
      <ul className="flex flex-col gap-1 font-mono text-[0.8125rem]">
        {problems.slice(0, 8).map((p, i) => (
          // Problems have no id; their order is stable for one text.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li data-problem-line={p.position?.line} key={i}>
            {p.position === undefined
              ? t('world.problemNoLine', { message: p.message })
              : t('world.problem', { line: p.position.line, column: p.position.column, message: p.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}
