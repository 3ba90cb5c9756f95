import { useEffect, useReducer } from 'react';
import type { HallConnection } from './hall-connection';

/** Re-renders on every change of the hall's view, config or connection state. */
export function useHall(connection: HallConnection) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => connection.onChange(rerender), [connection]);
  return { state: connection.state, view: connection.view, config: connection.config };
}
