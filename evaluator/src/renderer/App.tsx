import { TerminalApp } from '@yimen/shell/browser/components/TerminalApp';
import { EvaluatorRoot } from './EvaluatorRoot';

/** Enrolled: the window pad. Not yet (or a new enrolment link was opened): the enrolment screen. */
export function App() {
  return (
    <TerminalApp terminalRole="evaluator" usesDevices>
      {(terminal) => <EvaluatorRoot key={terminal.record.token} terminal={terminal} />}
    </TerminalApp>
  );
}
