/** What other packages use of the hall-server without reaching into its folders. */
export { addWorkingDays } from './domain/calendar';
export {
  planReform,
  type ReformFigures,
  type ReformOptions,
  type ReformPlan,
  type ReformStep,
} from './domain/planning/reform';
