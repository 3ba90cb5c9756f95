import { type Outcome, succeed } from './outcome';

/**
 * The hall's notice line on the displays, set by the hall manager: a logged event, so every
 * display shows it at once and one that was away gets it in its replay. The text is checked
 * at the boundary (NoticeRequest); an empty one clears the line.
 */
export function changeNotice(text: string): Outcome<string> {
  return succeed({}, text, [{ name: 'notice:changed', payload: { text } }]);
}
