/** What other packages use of the hall-server without reaching into its folders. */
export { addWorkingDays } from './domain/calendar';
export {
  type ArrivalForecast,
  type ArrivalModel,
  type DayArrivals,
  type DayKind,
  dayKind,
  fitArrivalModel,
  forecastArrivals,
  nextWorkingDays,
} from './domain/planning/arrival-forecast';
export {
  planReform,
  type ReformFigures,
  type ReformOptions,
  type ReformPlan,
  type ReformStep,
} from './domain/planning/reform';
export { type RecommendedRoster, recommendRoster, windowsNeeded } from './domain/planning/roster';
