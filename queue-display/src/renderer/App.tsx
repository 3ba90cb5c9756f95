import { TerminalApp } from '@yimen/shell/browser/components/TerminalApp';
import { DisplayRoot } from './DisplayRoot';

/** Enrolled: the hall display. Not yet (or a new enrolment link was opened): the enrolment screen. */
export function App() {
  return (
    <TerminalApp terminalRole="display" usesDevices={false}>
      {(terminal) => <DisplayRoot key={terminal.record.token} terminal={terminal} />}
    </TerminalApp>
  );
}
