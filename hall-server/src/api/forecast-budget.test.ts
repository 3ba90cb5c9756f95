import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForecastBudget } from './forecast-budget';

test('a forecast that took 2 ms may run again 40 ms after it ended, at a 5 % share', () => {
  let now = 1000;
  const budget = new ForecastBudget(0.05, () => now);
  assert.equal(budget.wait(), 0);
  budget.timed(() => {
    now += 2;
  });
  assert.equal(budget.wait(), 40);
  now += 30;
  assert.equal(budget.wait(), 10);
  now += 10;
  assert.equal(budget.wait(), 0);
});

test('one refresh is scheduled however many commands reused the forecast', async () => {
  let now = 0;
  const budget = new ForecastBudget(0.5, () => now);
  budget.timed(() => {
    now += 5;
  });
  let refreshes = 0;
  for (let i = 0; i < 10; i++) budget.later(() => refreshes++);
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(refreshes, 1);
  budget.later(() => refreshes++);
  budget.close();
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(refreshes, 1, 'a closed budget runs nothing more');
});
