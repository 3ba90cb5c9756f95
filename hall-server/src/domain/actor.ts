/** Who sends a command, as the api layer established it. Clerks act at their one window. */
export type Actor =
  | { readonly role: 'clerk'; readonly clerkId: string; readonly windowId: string }
  | { readonly role: 'kiosk'; readonly terminalId: string }
  | { readonly role: 'admin'; readonly terminalId: string };
