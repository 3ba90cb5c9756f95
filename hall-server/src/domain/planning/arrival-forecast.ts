import { addDays, isWorkingDay, nextWorkingDay, type WorkingCalendar, weekdayOf } from '../calendar';

/**
 * Tomorrow's arrivals, per queue and half hour, from the hall's own history. Each queue's
 * daily count is a level times factors of the kind of day, as the working-day calendar
 * tells it: the weekday (a weekend made a working day counts as its own kind), the part of
 * the month (social security early in the month, the tax filing period to the 15th), and
 * the first working days after a break of three days or more (a long one, such as the
 * Spring Festival, apart from a short one). The half hours share the day as they did on
 * such days before. Factors are fitted by raking (iterative proportional fitting), each
 * shrunk towards 1 by a few days' weight so a kind of day seen twice a year does not
 * swing the forecast; the level is that of the last weeks, so a trend is followed.
 */

/** One working day of the hall: arrivals of each queue in each half hour of its sessions. */
export interface DayArrivals {
  readonly date: string;
  readonly arrivals: Readonly<Record<string, readonly number[]>>;
}

export interface DayKind {
  /** 1 Monday … 5 Friday; `makeup` for a weekend day made a working day (调休上班). */
  readonly weekday: string;
  /** `1-5`, `6-10`, `11-15` or `16-31`. */
  readonly monthPart: string;
  /** `long-1` … `long-3` (after a break of 7 days or more), `short-1` … `short-3` (3 to 6 days), null otherwise. */
  readonly afterBreak: string | null;
}

export interface ArrivalModel {
  readonly categories: readonly string[];
  readonly slots: number;
  /** Per queue: recent daily level and factors by kind of day. */
  readonly perCategory: Readonly<
    Record<
      string,
      {
        readonly level: number;
        readonly weekday: Readonly<Record<string, number>>;
        readonly monthPart: Readonly<Record<string, number>>;
        readonly afterBreak: Readonly<Record<string, number>>;
        /** Share of the day in each half hour, on ordinary days and on the first day after a break. */
        readonly shape: readonly number[];
        readonly shapeAfterBreak: readonly number[];
      }
    >
  >;
}

export interface ArrivalForecast {
  readonly date: string;
  readonly kind: DayKind;
  /** Expected arrivals per queue per half hour. */
  readonly arrivals: Record<string, number[]>;
}

/** A factor seen on few days is pulled towards 1 with one day's weight (the back-test liked 1 better than 3). */
const SHRINK_DAYS = 1;
/** The level is that of the last this many working days. */
const LEVEL_DAYS = 40;
const RAKING_ROUNDS = 12;

const monthPartOf = (date: string): string => {
  const d = Number(date.slice(8, 10));
  return d <= 5 ? '1-5' : d <= 10 ? '6-10' : d <= 15 ? '11-15' : '16-31';
};

/** What kind of working day `date` is, by the hall's calendar. */
export function dayKind(calendar: WorkingCalendar, date: string): DayKind {
  const weekday = weekdayOf(date);
  let afterBreak: string | null = null;
  // Walk back over at most two earlier working days to the break before them.
  let day = date;
  for (let k = 1; k <= 3 && afterBreak === null; k++) {
    let gap = 0;
    let before = addDays(day, -1);
    while (!isWorkingDay(calendar, before) && gap < 30) {
      gap++;
      before = addDays(before, -1);
    }
    if (gap >= 7) afterBreak = `long-${k}`;
    else if (gap >= 3) afterBreak = `short-${k}`;
    day = before;
  }
  return {
    weekday: weekday === 0 || weekday === 6 ? 'makeup' : String(weekday),
    monthPart: monthPartOf(date),
    afterBreak,
  };
}

/** The next `n` working days after `date`. */
export function nextWorkingDays(calendar: WorkingCalendar, date: string, n: number): string[] {
  const days: string[] = [];
  for (let d = date; days.length < n; ) {
    d = nextWorkingDay(calendar, addDays(d, 1));
    days.push(d);
  }
  return days;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Fits the model to the history (working days, oldest first). */
export function fitArrivalModel(history: readonly DayArrivals[], calendar: WorkingCalendar): ArrivalModel {
  const first = history[0];
  if (!first) throw new RangeError('no history to forecast from');
  const categories = Object.keys(first.arrivals).sort();
  const slots = (Object.values(first.arrivals)[0] ?? []).length;
  const kinds = history.map((d) => dayKind(calendar, d.date));
  const perCategory: Record<string, ArrivalModel['perCategory'][string]> = {};
  for (const c of categories) {
    const totals = history.map((d) => sum(d.arrivals[c] ?? []));
    const weekday: Record<string, number> = {};
    const monthPart: Record<string, number> = {};
    const afterBreak: Record<string, number> = {};
    const factor = (table: Record<string, number>, key: string | null) => (key === null ? 1 : (table[key] ?? 1));
    const tables = { weekday, monthPart, afterBreak };
    /** The day's factors, leaving one kind out (the one being fitted). */
    const product = (i: number, skip?: keyof DayKind) => {
      const k = kinds[i] as DayKind;
      let p = 1;
      for (const name of ['weekday', 'monthPart', 'afterBreak'] as const)
        if (name !== skip) p *= factor(tables[name], k[name]);
      return p;
    };
    let scale = sum(totals) / totals.length;
    for (let round = 0; round < RAKING_ROUNDS; round++) {
      for (const name of ['weekday', 'monthPart', 'afterBreak'] as const) {
        const observed = new Map<string, number>();
        const expected = new Map<string, number>();
        const days = new Map<string, number>();
        kinds.forEach((k, i) => {
          const key = k[name];
          if (key === null) return;
          observed.set(key, (observed.get(key) ?? 0) + (totals[i] as number));
          expected.set(key, (expected.get(key) ?? 0) + scale * product(i, name));
          days.set(key, (days.get(key) ?? 0) + 1);
        });
        for (const [key, obs] of observed) {
          const exp = expected.get(key) ?? 0;
          const prior = (SHRINK_DAYS * exp) / (days.get(key) ?? 1);
          tables[name][key] = (obs + prior) / (exp + prior);
        }
      }
      scale = sum(totals) / sum(kinds.map((_, i) => product(i)));
    }
    let observed = 0;
    let expected = 0;
    for (let i = Math.max(0, history.length - LEVEL_DAYS); i < history.length; i++) {
      observed += totals[i] as number;
      expected += product(i);
    }
    const shapeOf = (pick: (i: number) => boolean): number[] => {
      const bySlot = Array.from({ length: slots }, () => 0);
      history.forEach((d, i) => {
        if (!pick(i)) return;
        (d.arrivals[c] ?? []).forEach((n, s) => {
          bySlot[s] = (bySlot[s] ?? 0) + n;
        });
      });
      const total = sum(bySlot);
      return bySlot.map((n) => (total > 0 ? n / total : 1 / slots));
    };
    const shape = shapeOf((i) => kinds[i]?.afterBreak === null);
    const firstDays = new Set(history.map((_, i) => i).filter((i) => kinds[i]?.afterBreak?.endsWith('-1')));
    const firstShape = shapeOf((i) => firstDays.has(i));
    const firstTotal = sum([...firstDays].map((i) => totals[i] as number));
    // The first day after a break has its own shape (the crowd at the door), pulled towards
    // the ordinary one until a few such days have been seen.
    const w = firstTotal / (firstTotal + SHRINK_DAYS * (sum(totals) / totals.length));
    perCategory[c] = {
      level: expected > 0 ? observed / expected : 0,
      weekday: { ...weekday },
      monthPart: { ...monthPart },
      afterBreak: { ...afterBreak },
      shape,
      shapeAfterBreak: shape.map((s, i) => w * (firstShape[i] ?? 0) + (1 - w) * s),
    };
  }
  return { categories, slots, perCategory };
}

/** Expected arrivals per queue and half hour on each of the dates. */
export function forecastArrivals(
  model: ArrivalModel,
  calendar: WorkingCalendar,
  dates: readonly string[],
): ArrivalForecast[] {
  return dates.map((date) => {
    const kind = dayKind(calendar, date);
    const arrivals: Record<string, number[]> = {};
    for (const c of model.categories) {
      const m = model.perCategory[c];
      if (!m) continue;
      const total =
        m.level *
        (m.weekday[kind.weekday] ?? 1) *
        (m.monthPart[kind.monthPart] ?? 1) *
        (kind.afterBreak === null ? 1 : (m.afterBreak[kind.afterBreak] ?? 1));
      const shape = kind.afterBreak?.endsWith('-1') ? m.shapeAfterBreak : m.shape;
      arrivals[c] = shape.map((s) => total * s);
    }
    return { date, kind, arrivals };
  });
}
