import { TerminalApp } from '@yimen/shell/browser/components/TerminalApp';
import { KioskRoot } from './KioskRoot';

/** Enrolled: the kiosk. Not yet (or a new enrolment link was opened): the enrolment screen. */
export function App() {
  return (
    <TerminalApp terminalRole="kiosk" usesDevices>
      {(terminal) => <KioskRoot key={terminal.record.token} terminal={terminal} />}
    </TerminalApp>
  );
}
