import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Category, Clerk, Department, ServiceItem, Window } from '@yimen/protocol';
import { DEMO_HALL } from './demo-hall';

const { departments, categories, items, windows, clerks } = DEMO_HALL;

function assertUnique<T>(values: T[], what: string): void {
  const seen = new Set<T>();
  for (const v of values) {
    assert.ok(!seen.has(v), `duplicate ${what}: ${String(v)}`);
    seen.add(v);
  }
}

test('every entity satisfies the protocol schemas', () => {
  for (const d of departments) Department.parse(d);
  for (const c of categories) Category.parse(c);
  for (const i of items) ServiceItem.parse(i);
  for (const w of windows) Window.parse(w);
  for (const c of clerks) Clerk.parse(c);
  assert.match(DEMO_HALL.hallName, /政务服务中心$/);
});

test('the hall is the size of a real county hall', () => {
  assert.ok(departments.length >= 12, `departments: ${departments.length}`);
  assert.equal(categories.length, 12);
  assert.ok(items.length >= 70, `items: ${items.length}`);
  assert.ok(windows.length >= 34, `windows: ${windows.length}`);
  assert.ok(clerks.length >= 40, `clerks: ${clerks.length}`);
  for (const c of categories) assert.ok(c.itemIds.length >= 5, `${c.name} has ${c.itemIds.length} items`);
});

test('ids, codes, prefixes, window numbers and staff numbers are unique', () => {
  assertUnique(
    departments.map((d) => d.id),
    'department id',
  );
  assertUnique(
    categories.map((c) => c.id),
    'category id',
  );
  assertUnique(
    categories.map((c) => c.prefix),
    'category prefix',
  );
  assertUnique(
    categories.map((c) => c.name),
    'category name',
  );
  assertUnique(
    items.map((i) => i.id),
    'item id',
  );
  assertUnique(
    items.map((i) => i.code),
    'item code',
  );
  assertUnique(
    items.map((i) => i.name),
    'item name',
  );
  assertUnique(
    windows.map((w) => w.id),
    'window id',
  );
  assertUnique(
    windows.map((w) => w.number),
    'window number',
  );
  assertUnique(
    clerks.map((c) => c.id),
    'clerk id',
  );
  assertUnique(
    clerks.map((c) => c.staffNo),
    'staff no',
  );
});

test('every reference points at an existing entity', () => {
  const deptIds = new Set(departments.map((d) => d.id));
  const catIds = new Set(categories.map((c) => c.id));
  const itemIds = new Set(items.map((i) => i.id));
  for (const i of items) {
    assert.ok(deptIds.has(i.departmentId), `${i.id} department ${i.departmentId}`);
    assert.ok(catIds.has(i.categoryId), `${i.id} category ${i.categoryId}`);
  }
  for (const c of categories) {
    if (c.departmentId !== null) assert.ok(deptIds.has(c.departmentId), `${c.id} department ${c.departmentId}`);
    for (const id of c.itemIds) assert.ok(itemIds.has(id), `${c.id} item ${id}`);
  }
  for (const w of windows) {
    if (w.departmentId !== null) assert.ok(deptIds.has(w.departmentId), `${w.id} department ${w.departmentId}`);
    for (const id of w.categoryIds) assert.ok(catIds.has(id), `${w.id} category ${id}`);
  }
  for (const c of clerks) assert.ok(deptIds.has(c.departmentId), `${c.staffNo} department ${c.departmentId}`);
});

test("each category's itemIds are exactly the items filed under it", () => {
  for (const c of categories) {
    const expected = items
      .filter((i) => i.categoryId === c.id)
      .map((i) => i.id)
      .sort();
    assert.deepEqual([...c.itemIds].sort(), expected, c.name);
    assertUnique(c.itemIds, `item in ${c.id}`);
  }
});

test('categories have sensible service times and caps', () => {
  for (const c of categories) {
    assert.ok(c.avgServiceMin >= 3 && c.avgServiceMin <= 20, `${c.name} avgServiceMin ${c.avgServiceMin}`);
    assert.ok(c.dailyCap <= 999, `${c.name} dailyCap ${c.dailyCap}`);
  }
  const byName = new Map(categories.map((c) => [c.name, c]));
  const marriage = byName.get('婚姻登记');
  const realEstate = byName.get('不动产登记');
  const socialSecurity = byName.get('社会保障');
  assert.ok(marriage && realEstate && socialSecurity);
  assert.ok(realEstate.avgServiceMin > socialSecurity.avgServiceMin);
  assert.ok(marriage.avgServiceMin > socialSecurity.avgServiceMin);
});

test('windows: numbered 1..N, every category served by two or more, comprehensive ones present', () => {
  const numbers = windows.map((w) => w.number).sort((a, b) => a - b);
  assert.deepEqual(
    numbers,
    numbers.map((_, i) => i + 1),
  );
  for (const c of categories) {
    const serving = windows.filter((w) => w.categoryIds.includes(c.id));
    assert.ok(serving.length >= 2, `${c.name} is served by ${serving.length} window(s)`);
  }
  const comprehensive = windows.filter((w) => w.kind === 'comprehensive');
  assert.ok(comprehensive.length >= 8, `comprehensive windows: ${comprehensive.length}`);
  for (const w of comprehensive) {
    assert.equal(w.departmentId, null, w.name);
    assert.ok(w.categoryIds.length >= 3 && w.categoryIds.length <= 6, `${w.name} serves ${w.categoryIds.length}`);
  }
  for (const w of windows.filter((x) => x.kind === 'dedicated')) {
    assert.notEqual(w.departmentId, null, w.name);
    assert.ok(w.categoryIds.length <= 2, `${w.name} serves ${w.categoryIds.length}`);
  }
  for (const w of windows) {
    assert.ok(w.name.startsWith(`${w.number}号窗口`), w.name);
    assertUnique(w.categoryIds, `category in ${w.id}`);
  }
});

test('time limits, fees and flags are consistent with the kind of case', () => {
  for (const i of items) {
    assert.ok(
      i.statutoryDays >= i.promisedDays,
      `${i.name}: statutory ${i.statutoryDays} < promised ${i.promisedDays}`,
    );
    if (i.kind === 'immediate') {
      assert.equal(i.promisedDays, 0, i.name);
      assert.equal(i.statutoryDays, 0, i.name);
    } else {
      assert.ok(i.promisedDays >= 1, `${i.name}: 承诺件 without a promised time limit`);
    }
    assert.ok(i.fee.basis.length > 0, `${i.name}: fee without basis`);
    if (i.selfService) assert.equal(i.kind, 'immediate', `${i.name}: a kiosk can only finish 即办件`);
    if (i.supplementLater) {
      assert.ok(
        i.materials.some((m) => m.supplementable),
        `${i.name}: 容缺受理 without any paper that may be supplemented`,
      );
    } else {
      assert.ok(!i.materials.some((m) => m.supplementable), `${i.name}: supplementable paper without 容缺受理`);
    }
    for (const m of i.materials) {
      if (m.supplementable) assert.ok(m.required, `${i.name}: ${m.name} may be supplemented but is not needed`);
    }
    assert.ok(
      i.materials.some((m) => m.required),
      `${i.name}: no mandatory material`,
    );
    assert.ok(i.conditions.length >= 1, `${i.name}: no conditions`);
  }
  const kinds = new Set(items.map((i) => i.kind));
  assert.deepEqual([...kinds].sort(), ['immediate', 'promised']);
  assert.ok(items.filter((i) => i.selfService).length >= 5, 'a handful of self-service items');
  assert.ok(items.filter((i) => i.supplementLater).length >= 10, 'items eligible for 容缺受理');
  assert.ok(items.filter((i) => i.fee.amountYuan > 0).length >= 3, 'some items carry a fee');
});

test('clerks carry a photo and a hall extension, never a mobile number', () => {
  for (const c of clerks) {
    assert.match(c.staffNo, /^QX\d{4}$/);
    assert.equal(c.photoUrl, `/photos/${c.staffNo}.png`);
    assert.match(c.phone, /^0\d{2,3}-\d{7,8}/, `${c.staffNo} phone ${c.phone}`);
    assert.doesNotMatch(c.phone, /(^|\D)1[3-9]\d{9}(\D|$)/, `${c.staffNo} phone looks like a mobile`);
    assert.ok(c.position.length > 0, c.staffNo);
  }
  const windowDepts = new Set(windows.flatMap((w) => (w.departmentId ? [w.departmentId] : [])));
  const clerkDepts = new Set(clerks.map((c) => c.departmentId));
  for (const d of windowDepts) assert.ok(clerkDepts.has(d), `no clerk for department ${d} that has a window`);
  const comprehensiveStaff = clerks.filter((c) => c.departmentId === 'dept-zwb');
  assert.ok(
    comprehensiveStaff.length >= windows.filter((w) => w.kind === 'comprehensive').length,
    'enough 政务办 staff to man the comprehensive windows',
  );
});

test('一件事 bundles name existing items of more than one department, and a window serves each', () => {
  assert.ok(DEMO_HALL.bundles.length >= 2);
  for (const b of DEMO_HALL.bundles) {
    const members = b.itemIds.map((id) => items.find((i) => i.id === id));
    assert.ok(members.every(Boolean), `${b.name}: unknown item`);
    assert.ok(new Set(members.map((i) => i?.departmentId)).size > 1, `${b.name}: one department is no bundle`);
    assert.ok(
      DEMO_HALL.windows.some((w) => members.some((i) => i && w.categoryIds.includes(i.categoryId))),
      `${b.name}: no window opens it`,
    );
  }
});
