/** What other packages use of the hall-server without reaching into its folders. */
export { addWorkingDays } from './domain/calendar';
