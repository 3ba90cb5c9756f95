import type { CaseMaterial, Material, ServiceItem } from '@yimen/protocol';

type Form = Material['form'];

function mergedForm(a: Form, b: Form): Form {
  if (a === b) return a;
  if (a === 'form' || b === 'form') return a === 'form' ? b : a;
  return 'originalAndCopy';
}

/** A paper may be deferred in an item that allows 容缺 and marks it supplementable. */
const deferrableIn = (item: ServiceItem, m: Material): boolean => item.supplementLater && m.supplementable === true;

/**
 * The papers of a case: the items' materials in guide order, one entry per paper name. For a
 * 一件事 bundle a paper several items ask for is brought once: needed if any item needs it, in
 * the most copies asked, and deferrable only if every item that needs it allows deferring it.
 */
export function caseMaterials(items: readonly ServiceItem[]): CaseMaterial[] {
  const byName = new Map<string, CaseMaterial>();
  for (const item of items) {
    for (const m of item.materials) {
      const name = m.name.trim();
      const seen = byName.get(name);
      if (!seen) {
        byName.set(name, {
          key: `m${byName.size + 1}`,
          name,
          required: m.required,
          supplementable: m.required && deferrableIn(item, m),
          form: m.form,
          copies: m.copies,
          ...(m.note ? { note: m.note } : {}),
          itemIds: [item.id],
          state: 'missing',
          receivedAt: null,
          deferred: false,
        });
        continue;
      }
      const supplementable = m.required
        ? (seen.required ? seen.supplementable : true) && deferrableIn(item, m)
        : seen.supplementable;
      byName.set(name, {
        ...seen,
        required: seen.required || m.required,
        supplementable,
        form: mergedForm(seen.form, m.form),
        copies: Math.max(seen.copies, m.copies),
        ...(seen.note === undefined && m.note ? { note: m.note } : {}),
        itemIds: seen.itemIds.includes(item.id) ? seen.itemIds : [...seen.itemIds, item.id],
      });
    }
  }
  return [...byName.values()];
}

/** Needed papers not yet in and not deferred. */
export const missingRequired = (materials: readonly CaseMaterial[]): CaseMaterial[] =>
  materials.filter((m) => m.required && m.state === 'missing');

/** Deferred papers not yet brought: hand-over waits for them. */
export const outstandingDeferred = (materials: readonly CaseMaterial[]): CaseMaterial[] =>
  materials.filter((m) => m.state === 'deferred');
