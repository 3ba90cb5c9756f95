import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erlangCMeanWaitMin, erlangCProbabilityOfWait, erlangCWaitExceeds } from './erlang-c';

const near = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('one server is M/M/1: P(wait) = ρ and Wq = ρ/(μ − λ)', () => {
  near(erlangCProbabilityOfWait(1, 0.5), 0.5, 1e-12);
  // λ = 0.5/min, service 1 min: Wq = 0.5 / (1 − 0.5) = 1 min.
  near(erlangCMeanWaitMin(0.5, 1, 1), 1, 1e-12);
});

test('two servers, a = 1 Erlang: C = 1/3 by hand', () => {
  // B(2,1) = 1/5; C = 2·(1/5) / (2 − 1·(1 − 1/5)) = 0.4/1.2 = 1/3.
  near(erlangCProbabilityOfWait(2, 1), 1 / 3, 1e-12);
  // Wq = C / (cμ − λ) with μ = 1, λ = 1: (1/3) / 1.
  near(erlangCMeanWaitMin(1, 1, 2), 1 / 3, 1e-12);
});

test('a textbook call centre: 10 agents, 8 Erlangs, C ≈ 0.409', () => {
  near(erlangCProbabilityOfWait(10, 8), 0.4092, 5e-4);
});

test('overload has no finite wait, and the tail decays exponentially', () => {
  assert.equal(erlangCMeanWaitMin(2, 1, 2), Number.POSITIVE_INFINITY);
  near(erlangCWaitExceeds(1, 1, 2, 0), 1 / 3, 1e-12);
  near(erlangCWaitExceeds(1, 1, 2, 1), Math.exp(-1) / 3, 1e-12);
});
