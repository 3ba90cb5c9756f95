/**
 * What an enrolment link hands the page in its fragment (never sent to any server): the
 * one-time code and, in browser mode, the device agent's address and token. Read once, then
 * wiped from the address bar and the history.
 */
export interface EnrolFragment {
  readonly code: string | null;
  readonly agentUrl: string | null;
  readonly agentToken: string | null;
}

export function takeEnrolFragment(
  location: Location = window.location,
  history: History = window.history,
): EnrolFragment {
  const params = new URLSearchParams(location.hash.slice(1));
  const fragment = { code: params.get('enrol'), agentUrl: params.get('agent'), agentToken: params.get('agentToken') };
  if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
  return fragment;
}
