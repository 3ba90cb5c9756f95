/**
 * The 256-byte text block of a card (UCS-2LE, space-padded) ⇄ IdentityCard (pure). The
 * character at offset 248 selects one of four layouts: resident card (space), foreigner's
 * permanent residence card old ('I') and 2023 ('Y') layouts, Hong Kong/Macau/Taiwan
 * residence permit ('J').
 */
import type { CardType, IdentityCard } from '@yimen/protocol';
import { nationCode, nationName } from './nations';

export const TEXT_BLOCK_LENGTH = 256;
const TYPE_FLAG_OFFSET = 248;

export type IdentityErrorCode = 'bad-length' | 'unknown-card-type' | 'bad-field' | 'too-long';

export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

type Field =
  | 'name'
  | 'nameEn'
  | 'nameEn2'
  | 'sex'
  | 'nation'
  | 'birth'
  | 'address'
  | 'idNumber'
  | 'authority'
  | 'validFrom'
  | 'validTo'
  | 'passNumber'
  | 'issueCount'
  | 'nationality';

/** [field, byte offset, byte length]; gaps are reserved and stay spaces. */
type Layout = readonly (readonly [Field, number, number])[];

const RESIDENT: Layout = [
  ['name', 0, 30],
  ['sex', 30, 2],
  ['nation', 32, 4],
  ['birth', 36, 16],
  ['address', 52, 70],
  ['idNumber', 122, 36],
  ['authority', 158, 30],
  ['validFrom', 188, 16],
  ['validTo', 204, 16],
];

const LAYOUTS: Record<CardType, Layout> = {
  resident: RESIDENT,
  hkMacauTaiwan: [...RESIDENT, ['passNumber', 220, 18], ['issueCount', 238, 4]],
  foreignerOld: [
    ['nameEn', 0, 120],
    ['sex', 120, 2],
    ['idNumber', 122, 30],
    ['nationality', 152, 6],
    ['name', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['birth', 220, 16],
    ['authority', 240, 8],
  ],
  foreigner2023: [
    ['name', 0, 30],
    ['sex', 30, 2],
    ['issueCount', 32, 4],
    ['birth', 36, 16],
    ['nameEn', 52, 70],
    ['idNumber', 122, 36],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['nameEn2', 220, 22],
    ['nationality', 242, 6],
  ],
};

const TYPE_FLAGS: Record<CardType, string> = {
  resident: ' ',
  foreignerOld: 'I',
  foreigner2023: 'Y',
  hkMacauTaiwan: 'J',
};

/** GB/T 2261.1 sex codes. */
const SEX_CODES: Record<string, IdentityCard['sex']> = {
  '0': 'unknown',
  '1': 'male',
  '2': 'female',
  '9': 'unspecified',
};

const LONG_TERM = '长期';

/** Padding is spaces; some readers hand back NULs instead. */
function trim(value: string): string {
  return value.replace(/^[ \u0000]+|[ \u0000]+$/g, '');
}

function text(block: Uint8Array, offset: number, length: number): string {
  return trim(Buffer.from(block.buffer, block.byteOffset + offset, length).toString('utf16le'));
}

function cardTypeOf(block: Uint8Array): CardType {
  const flag = text(block, TYPE_FLAG_OFFSET, 2);
  if (flag === '') return 'resident';
  for (const [type, value] of Object.entries(TYPE_FLAGS) as [CardType, string][]) if (value === flag) return type;
  throw new IdentityError(
    'unknown-card-type',
    `unknown card type flag U+${flag.charCodeAt(0).toString(16)} at offset 248`,
  );
}

/** `YYYYMMDD` → `YYYY-MM-DD`. */
function isoDate(value: string, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    throw new IdentityError('bad-field', `${field} is not a YYYYMMDD date`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function cardDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new IdentityError('bad-field', `${field} must be YYYY-MM-DD`);
  return value.replaceAll('-', '');
}

function sexOf(code: string): IdentityCard['sex'] {
  const sex = SEX_CODES[code];
  if (!sex) throw new IdentityError('bad-field', `sex code "${code}" is not in GB/T 2261.1`);
  return sex;
}

function sexCode(sex: IdentityCard['sex']): string {
  return Object.entries(SEX_CODES).find(([, value]) => value === sex)?.[0] ?? '0';
}

/** Decodes the 256-byte text block of any of the four card types. Throws IdentityError. */
export function parseIdentity(text256: Uint8Array): IdentityCard {
  if (text256.length !== TEXT_BLOCK_LENGTH) {
    throw new IdentityError('bad-length', `text block must be ${TEXT_BLOCK_LENGTH} bytes, got ${text256.length}`);
  }
  const cardType = cardTypeOf(text256);
  const raw: Partial<Record<Field, string>> = {};
  for (const [field, offset, length] of LAYOUTS[cardType]) raw[field] = text(text256, offset, length);
  if (cardType === 'foreigner2023') {
    // The English name is split over two fields; the first is filled up before the second is used.
    const part = (offset: number, length: number) =>
      Buffer.from(text256.buffer, text256.byteOffset + offset, length).toString('utf16le');
    raw.nameEn = trim(part(52, 70) + part(220, 22));
  }
  const get = (field: Field) => raw[field] ?? '';
  const card: IdentityCard = {
    cardType,
    name: get('name') || get('nameEn'),
    sex: sexOf(get('sex')),
    birthDate: isoDate(get('birth'), 'birth date'),
    idNumber: get('idNumber'),
    validFrom: isoDate(get('validFrom'), 'valid-from date'),
    validTo: get('validTo') === LONG_TERM ? LONG_TERM : isoDate(get('validTo'), 'valid-to date'),
  };
  if (get('nameEn')) card.nameEn = get('nameEn');
  if (get('nation')) {
    const nation = nationName(get('nation'));
    if (!nation) throw new IdentityError('bad-field', `nation code "${get('nation')}" is not in GB 3304`);
    card.nation = nation;
  }
  if (get('nationality')) card.nationality = get('nationality');
  if (cardType === 'resident' || cardType === 'hkMacauTaiwan') card.address = get('address');
  if (get('authority')) card.authority = get('authority');
  if (get('passNumber')) card.passNumber = get('passNumber');
  if (get('issueCount')) card.issueCount = get('issueCount');
  return card;
}

function put(block: Buffer, value: string, offset: number, length: number, field: string): void {
  const bytes = Buffer.from(value, 'utf16le');
  if (bytes.length > length) throw new IdentityError('too-long', `${field} needs ${bytes.length} bytes, has ${length}`);
  bytes.copy(block, offset);
}

/** The 256-byte text block for a card (the simulator's side). Throws IdentityError. */
export function encodeIdentity(card: IdentityCard): Uint8Array {
  const block = Buffer.from(' '.repeat(TEXT_BLOCK_LENGTH / 2), 'utf16le');
  const nameEn = card.nameEn ?? '';
  const values: Record<Field, string> = {
    // A foreigner without a Chinese name reads back with the English name as `name`.
    name: card.cardType.startsWith('foreigner') && card.name === nameEn ? '' : card.name,
    nameEn: card.cardType === 'foreigner2023' ? nameEn.slice(0, 35) : nameEn,
    nameEn2: card.cardType === 'foreigner2023' ? nameEn.slice(35) : '',
    sex: sexCode(card.sex),
    nation: '',
    birth: cardDate(card.birthDate, 'birthDate'),
    address: card.address ?? '',
    idNumber: card.idNumber,
    authority: card.authority ?? '',
    validFrom: cardDate(card.validFrom, 'validFrom'),
    validTo: card.validTo === LONG_TERM ? LONG_TERM : cardDate(card.validTo, 'validTo'),
    passNumber: card.passNumber ?? '',
    issueCount: card.issueCount ?? '',
    nationality: card.nationality ?? '',
  };
  if (card.nation) {
    const code = nationCode(card.nation);
    if (!code) throw new IdentityError('bad-field', `nation "${card.nation}" is not in GB 3304`);
    values.nation = code;
  }
  for (const [field, offset, length] of LAYOUTS[card.cardType]) put(block, values[field], offset, length, field);
  put(block, TYPE_FLAGS[card.cardType], TYPE_FLAG_OFFSET, 2, 'type flag');
  return Uint8Array.from(block);
}
