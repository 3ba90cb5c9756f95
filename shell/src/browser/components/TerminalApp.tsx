import type { Role } from '@yimen/protocol';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { TerminalRecord } from '../../common/terminal-record';
import { detectEnvironment, type Environment } from '../environment';
import { takeEnrolFragment } from '../fragment';
import { EnrolScreen } from './EnrolScreen';

/** What an enrolled terminal's screen is given. */
export interface EnrolledTerminal {
  readonly env: Environment;
  readonly record: TerminalRecord;
  readonly onRecord: (record: TerminalRecord) => void;
  readonly onForget: () => void;
}

export interface TerminalAppProps {
  readonly terminalRole: Exclude<Role, 'clerk'>;
  /** In a browser, the terminal reaches its devices through a device agent, whose address enrolment asks for. */
  readonly usesDevices: boolean;
  readonly children: (terminal: EnrolledTerminal) => ReactNode;
}

/** Enrolled: the terminal's screen. Not yet (or a new enrolment link was opened): the enrolment screen. */
export function TerminalApp({ terminalRole, usesDevices, children }: TerminalAppProps) {
  const env = useMemo(detectEnvironment, []);
  const [fragment] = useState(takeEnrolFragment);
  const [record, setRecord] = useState<TerminalRecord | null | undefined>(undefined);

  useEffect(() => {
    env.store.load().then((r) => setRecord(fragment.code ? null : r));
  }, [env, fragment]);

  if (record === undefined) return null;
  if (record === null) {
    return (
      <EnrolScreen
        terminalRole={terminalRole}
        store={env.store}
        hallUrl={env.servedBy ?? 'http://192.168.1.10:8080'}
        hallUrlEditable={env.servedBy === null}
        needsAgent={usesDevices && env.electron === null}
        fragment={fragment}
        onEnrolled={setRecord}
      />
    );
  }
  return children({
    env,
    record,
    onRecord: setRecord,
    onForget: () => {
      void env.store.clear().then(() => setRecord(null));
    },
  });
}
