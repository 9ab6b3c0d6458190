/** Measures of a model that guesses amounts (regression): how far off its guesses are. */
import { driftOf, measured, performanceOf, rowsUsedOf } from './read';
import { count, dec, pct } from './say';
import type { GlossaryEntry, GlossaryReport } from './types';

const rows = (r: GlossaryReport): string => {
  const n = rowsUsedOf(r);
  return n === null ? 'your rows' : `your ${count(n)} rows`;
};

export const amountEntries: GlossaryEntry[] = [
  {
    id: 'mae',
    kind: 'measure',
    term: 'Average miss',
    technical: 'mean absolute error (MAE)',
    what: 'How far the model’s guess is from the real amount, on average, ignoring whether it guessed too high or too low. It is in the same unit as the amount (euros, days, kilos).',
    misleads: 'An average can hide a few very large misses, and the same MAE is small for house prices and huge for bus fares: judge it against the typical amount.',
    definition: 'MAE = (1/N) Σ |y − ŷ| (scikit-learn mean_absolute_error). Interval: percentile bootstrap.',
    related: ['rmse', 'median-absolute-error', 'mape', 'mae-gap'],
    example(r) {
      const m = measured(performanceOf(r), 'mae');
      if (m) {
        const med = measured(performanceOf(r), 'median_absolute_error');
        return `Over ${rows(r)}, the model’s guess was off by ${dec(m.value)} on average${med ? `; half of the misses were under ${dec(med.value)}` : ''}.`;
      }
      const change = driftOf(r)?.performance?.metrics.find((c) => c.metric === 'mae');
      return change ? `The average miss was ${dec(change.reference)} on the earlier batch and ${dec(change.current)} on the new one.` : null;
    },
  },
  {
    id: 'rmse',
    kind: 'measure',
    term: 'Typical miss, large misses count more',
    technical: 'root mean squared error (RMSE)',
    what: 'Like the average miss, but each miss is squared before averaging (and the square root taken after), so large misses weigh much more than small ones.',
    misleads: 'A single wild miss can inflate it. When it is much larger than the average miss, a few rows are very far off — look for them rather than at the average.',
    definition: 'RMSE = √((1/N) Σ (y − ŷ)²) (scikit-learn root_mean_squared_error).',
    related: ['mae', 'r2', 'quality.outliers'],
    example(r) {
      const m = measured(performanceOf(r), 'rmse');
      const mae = measured(performanceOf(r), 'mae');
      if (!m) return null;
      return `Over ${rows(r)}, RMSE is ${dec(m.value)}${mae ? ` against an average miss of ${dec(mae.value)}: the gap (${dec(m.value / mae.value)} times) comes from the larger misses` : ''}.`;
    },
  },
  {
    id: 'r2',
    kind: 'measure',
    term: 'Share of the variation explained',
    technical: 'coefficient of determination (R²)',
    what: 'How much better the model’s guesses are than always guessing the average amount: 1 is perfect, 0 is no better than the average, below 0 is worse than it.',
    misleads: 'A high R² does not mean the misses are small enough for your purpose, and it rises with how spread out the amounts are. It says nothing about whether some groups get worse guesses.',
    definition: 'R² = 1 − Σ (y − ŷ)² ÷ Σ (y − ȳ)² (scikit-learn r2_score).',
    related: ['rmse', 'mae'],
    example(r) {
      const m = measured(performanceOf(r), 'r2');
      if (!m) return null;
      return m.value >= 0
        ? `Your model’s R² is ${dec(m.value)}: its squared misses are ${pct(1 - m.value)} of what always guessing the average would give.`
        : `Your model’s R² is ${dec(m.value)}: its guesses are further off than always guessing the average amount.`;
    },
  },
  {
    id: 'mape',
    kind: 'measure',
    term: 'Average miss as a share of the true value',
    technical: 'mean absolute percentage error (MAPE)',
    what: 'Each miss divided by the real amount, averaged: “off by 12% on average”.',
    misleads: 'Rows with a real amount near zero blow it up, and it punishes guessing too high more than guessing too low.',
    definition: 'MAPE = (1/N) Σ |y − ŷ| ÷ |y| (scikit-learn mean_absolute_percentage_error).',
    related: ['mae'],
    example(r) {
      const m = measured(performanceOf(r), 'mape');
      return m ? `Over ${rows(r)}, the guess was off by ${pct(m.value)} of the real amount on average.` : null;
    },
  },
  {
    id: 'median-absolute-error',
    kind: 'measure',
    term: 'Middle miss',
    technical: 'median absolute error',
    what: 'Line up every miss from smallest to largest and take the one in the middle: half the guesses are closer than this, half further off. A few wild misses do not move it.',
    misleads: 'Because it ignores the largest misses, it can make a model with some disastrous guesses look fine.',
    definition: 'median(|y − ŷ|) (scikit-learn median_absolute_error).',
    related: ['mae', 'rmse'],
    example(r) {
      const m = measured(performanceOf(r), 'median_absolute_error');
      const mae = measured(performanceOf(r), 'mae');
      return m ? `Half of the model’s misses over ${rows(r)} were under ${dec(m.value)}${mae ? `, while the average miss is ${dec(mae.value)}` : ''}.` : null;
    },
  },
];
