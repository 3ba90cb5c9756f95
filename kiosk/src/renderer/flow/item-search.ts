import type { ServiceItem } from '@yimen/protocol';
import { pinyin } from 'pinyin-pro';

/** An item with the keys a citizen may type for it: its name, its pinyin, its pinyin initials. */
export interface SearchEntry {
  readonly item: ServiceItem;
  readonly name: string;
  /** budongchandengji */
  readonly full: string;
  /** bdcdj */
  readonly initials: string;
}

/** pinyin-pro knows the readings of polyphonic characters in context (登记 dēng jì, 重新 chóng xīn). */
export function searchIndex(items: readonly ServiceItem[]): SearchEntry[] {
  return items.map((item) => {
    const syllables = pinyin(item.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) =>
      s.toLowerCase().replace(/[^a-z0-9]/g, ''),
    );
    return {
      item,
      name: item.name,
      full: syllables.join(''),
      initials: syllables.map((s) => s.charAt(0)).join(''),
    };
  });
}

/**
 * Items matching what was typed: Chinese text in the name; Latin letters as pinyin initials
 * ("bdc" → 不动产登记) or as full pinyin ("budong"). Best first: name or initials from the
 * start, then anywhere.
 */
export function searchItems(index: readonly SearchEntry[], query: string, limit = 20): ServiceItem[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const latin = /^[a-z0-9]+$/.test(q);
  const scored: { item: ServiceItem; score: number }[] = [];
  for (const e of index) {
    let score = -1;
    if (latin) {
      if (e.initials.startsWith(q)) score = 3;
      else if (e.full.startsWith(q)) score = 2;
      else if (e.initials.includes(q)) score = 1;
      else if (e.full.includes(q)) score = 0;
    } else if (e.name.startsWith(query.trim())) score = 3;
    else if (e.name.includes(query.trim())) score = 2;
    if (score >= 0) scored.push({ item: e.item, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.item.name.length - b.item.name.length)
    .slice(0, limit)
    .map((s) => s.item);
}
