import type { SimWindow } from './policy';
import type { Scenario } from './scenario';

/** The scenario's windows, one entry per physical window. */
export function expandWindows(scenario: Pick<Scenario, 'windows'>): SimWindow[] {
  return scenario.windows.flatMap((w) =>
    Array.from({ length: w.count }, (_, k) => ({
      id: w.count > 1 ? `${w.id}-${k + 1}` : w.id,
      kind: w.kind,
      categoryIds: w.categoryIds,
    })),
  );
}

/** The scenario's windows with each group's count replaced: a roster to try. */
export function rosterWindows(
  scenario: Pick<Scenario, 'windows'>,
  counts: Readonly<Record<string, number>>,
): SimWindow[] {
  return expandWindows({ windows: scenario.windows.map((w) => ({ ...w, count: counts[w.id] ?? w.count })) });
}

/** The same windows and homes, every window serving every category: the hall a pooled bound assumes. */
export function allComprehensive<S extends Pick<Scenario, 'windows' | 'categories'>>(scenario: S): S {
  const all = scenario.categories.map((c) => c.id);
  return {
    ...scenario,
    windows: scenario.windows.map((w) => {
      const home = w.categoryIds[0] as string;
      return { ...w, kind: 'comprehensive', categoryIds: [home, ...all.filter((c) => c !== home)] };
    }),
  };
}
