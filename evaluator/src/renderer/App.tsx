import { EnrolScreen } from '@yimen/shell/browser/components/EnrolScreen';
import { detectEnvironment } from '@yimen/shell/browser/environment';
import { takeEnrolFragment } from '@yimen/shell/browser/fragment';
import type { TerminalRecord } from '@yimen/shell/common/terminal-record';
import { useEffect, useMemo, useState } from 'react';
import { EvaluatorRoot } from './EvaluatorRoot';

/** Enrolled: the window pad. Not yet (or a new enrolment link was opened): the enrolment screen. */
export function App() {
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
        terminalRole="evaluator"
        store={env.store}
        hallUrl={env.servedBy ?? 'http://192.168.1.10:8080'}
        hallUrlEditable={env.servedBy === null}
        needsAgent={env.electron === null}
        fragment={fragment}
        onEnrolled={setRecord}
      />
    );
  }
  return (
    <EvaluatorRoot
      key={record.token}
      env={env}
      record={record}
      onRecord={setRecord}
      onForget={() => {
        void env.store.clear().then(() => setRecord(null));
      }}
    />
  );
}
