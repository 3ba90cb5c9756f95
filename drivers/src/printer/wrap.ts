/** Line breaking by printer columns, with the common Chinese rules for punctuation. */
import { textColumns } from './text';

/** Characters that must not start a line (closing punctuation, 避头). */
const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕”’…·%,.;:?!)]}'));
/** Characters that must not end a line (opening brackets, 避尾). */
const NO_LINE_END = new Set(Array.from('（《「『【〔“‘([{'));

const ASCII_WORD_CHAR = /[!-~]/;

/** ASCII words stay together; every other character is its own unit. */
function units(text: string, maxColumns: number): string[] {
  const out: string[] = [];
  let word = '';
  const endWord = () => {
    if (word.length === 0) return;
    // A word longer than a whole line is broken wherever it must be.
    if (word.length > maxColumns) out.push(...Array.from(word));
    else out.push(word);
    word = '';
  };
  for (const ch of text) {
    if (ASCII_WORD_CHAR.test(ch)) {
      word += ch;
      continue;
    }
    endWord();
    out.push(ch);
  }
  endWord();
  return out;
}

/**
 * Breaks text into lines of at most `firstColumns` (first line) and `restColumns` (the others)
 * half-width columns. `\n` starts a new line. A single character wider than a line gets a line
 * of its own.
 */
export function wrapText(text: string, firstColumns: number, restColumns = firstColumns): string[] {
  const lines: string[] = [];
  const limit = () => (lines.length === 0 ? firstColumns : restColumns);
  const push = (line: string[]) => lines.push(line.join('').trimEnd());
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let used = 0;
    let wrapped = false;
    for (const unit of units(paragraph, Math.max(1, Math.min(firstColumns, restColumns)))) {
      const width = textColumns(unit);
      if (used + width <= limit() || line.length === 0) {
        // A line the paragraph wrapped onto does not start with a space.
        if (unit === ' ' && line.length === 0 && wrapped) continue;
        line.push(unit);
        used += width;
        continue;
      }
      wrapped = true;
      if (unit === ' ') {
        push(line);
        line = [];
        used = 0;
        continue;
      }
      const carry: string[] = [];
      if (NO_LINE_START.has(unit) && line.length > 1) carry.push(line.pop() as string);
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1] as string)) carry.unshift(line.pop() as string);
      // The rules give way when following them would overflow the next line.
      if (textColumns(carry.join('')) + width > restColumns) line.push(...carry.splice(0));
      push(line);
      line = [...carry, unit];
      used = textColumns(line.join(''));
    }
    push(line);
  }
  return lines;
}
