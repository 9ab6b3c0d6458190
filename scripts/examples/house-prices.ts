/**
 * The price-prediction example: house-prices.csv, homes sold in one (made-up) town with what each
 * really sold for (actual_sale_price) and what a valuation model predicted (predicted_sale_price),
 * the features the model used, and the owners' names and phone numbers as an agency's export
 * would carry them. Problems are planted on purpose; every one is listed in
 * resources/examples/README.md.
 */
import { Rng } from '../lib/random';
import { exampleFile, isoDate, type ExampleFile } from './example-file';

export const HOUSE_SEED = 20250517;
const LISTINGS = 2000;
const DUPLICATES = 24;

interface Neighbourhood {
  name: string;
  share: number;
  /** Typical price per m² of a home in good condition. */
  perM2: number;
  /** Typical distance to the centre, km. */
  km: number;
  /** Typical year built, and its spread. */
  built: number;
  builtSd: number;
}

const NEIGHBOURHOODS: Neighbourhood[] = [
  { name: 'Old Town', share: 0.12, perM2: 5200, km: 0.8, built: 1912, builtSd: 25 },
  { name: 'Riverside', share: 0.15, perM2: 4300, km: 2.2, built: 1965, builtSd: 20 },
  { name: 'Northgate', share: 0.16, perM2: 3100, km: 4.5, built: 1975, builtSd: 15 },
  { name: 'Hillcrest', share: 0.13, perM2: 3900, km: 3.8, built: 1988, builtSd: 15 },
  { name: 'Westfield', share: 0.15, perM2: 2800, km: 6.5, built: 1995, builtSd: 12 },
  { name: 'Eastbrook', share: 0.14, perM2: 2500, km: 7.2, built: 1982, builtSd: 18 },
  // Old docks turned into new flats: prices rose after the model was trained, so it is far off here.
  { name: 'Harbour Point', share: 0.08, perM2: 4800, km: 2.9, built: 2019, builtSd: 3 },
  { name: 'Millbrook', share: 0.07, perM2: 2300, km: 9.5, built: 2002, builtSd: 10 },
];
const UNDERVALUED = 'Harbour Point';

const CONDITION = [['poor', 0.08], ['fair', 0.27], ['good', 0.45], ['excellent', 0.2]] as const;
const CONDITION_EFFECT: Record<string, number> = { poor: -0.18, fair: -0.07, good: 0, excellent: 0.09 };

const FIRST = ['Olivia', 'George', 'Amelia', 'Arjun', 'Isla', 'Mohammed', 'Ava', 'Leo', 'Freya', 'Kofi', 'Mia', 'Oscar', 'Zara', 'Henry', 'Lucia', 'Tariq'];
const LAST = ['Taylor', 'Evans', 'Wright', 'Singh', 'Walker', 'Ali', 'Hughes', 'Green', 'Mensah', 'Clarke', 'Byrne', 'Murphy', 'Novak', 'Costa', 'Ahmed', 'Reid'];

const START = Date.UTC(2024, 0, 2);
const DAY = 86_400_000;
const SQFT_PER_M2 = 10.764;

function houseRow(rng: Rng, i: number): string[] {
  const nb = rng.weighted(NEIGHBOURHOODS.map((n) => [n, n.share] as const));
  const area = Math.round(Math.min(420, Math.max(28, Math.exp(rng.normal(nb.name === 'Old Town' ? 4.35 : 4.55, 0.33)))));
  const rooms = Math.min(8, Math.max(1, Math.round(area / 34 + rng.normal(0.4, 0.8))));
  const yearBuilt = Math.min(2024, Math.round(rng.normal(nb.built, nb.builtSd)));
  const condition = rng.weighted(CONDITION.map(([c, w]) => [c, c === 'poor' && yearBuilt > 2000 ? w / 4 : w] as const));
  const km = Math.max(0.1, rng.normal(nb.km, nb.km * 0.25));
  const garden = rng.chance(nb.name === 'Old Town' || nb.name === UNDERVALUED ? 0.15 : 0.55);
  const sellerAge = Math.round(Math.min(92, Math.max(24, rng.normal(52, 14))));
  const listed = START + rng.int(0, 540) * DAY;
  const sold = listed + rng.int(10, 120) * DAY;

  // What homes really sell for.
  const age = 2025 - yearBuilt;
  const expected =
    Math.log(nb.perM2 * area) + CONDITION_EFFECT[condition]! - 0.0012 * Math.min(age, 120) - 0.015 * km + (garden ? 0.05 : 0) + (rooms > area / 22 ? -0.04 : 0);
  const price = Math.round(Math.exp(expected + rng.normal(0, 0.07)) / 500) * 500;
  // The valuation model: close on the whole (about 6% off), but it still prices Harbour Point as
  // the cheap docks it used to be, and is far from sure there.
  const predictedLog = nb.name === UNDERVALUED ? expected - 0.33 + rng.normal(0, 0.17) : expected + rng.normal(0, 0.06);
  const predicted = Math.round(Math.exp(predictedLog) / 1000) * 1000;

  // Planted quality problems.
  let areaCell = String(area);
  if (i % 167 === 40) areaCell = String(Math.round(area * SQFT_PER_M2)); // entered in square feet
  let yearCell = String(yearBuilt);
  if (rng.chance(yearBuilt < 1950 ? 0.3 : 0.03)) yearCell = ''; // not recorded, mostly for old homes
  else if (i % 401 === 99) yearCell = String(yearBuilt).slice(0, 3); // a digit lost: 197 for 1975
  let soldOn = isoDate(sold);
  if (i % 333 === 250) soldOn = soldOn.replace(/^2025/, '2052').replace(/^2024/, '2042'); // digits swapped

  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  return [
    `H-${String(10001 + i)}`,
    `${first} ${last}`,
    `+1-555-${String(rng.int(100, 999))}-${String(rng.int(1000, 9999))}`,
    String(sellerAge),
    nb.name,
    km.toFixed(1),
    areaCell,
    String(rooms),
    yearCell,
    condition,
    garden ? 'yes' : 'no',
    isoDate(listed),
    soldOn,
    // Leaks the answer: worked out from the sale price after the sale.
    String(Math.round(price / area)),
    String(price),
    String(predicted),
  ];
}

export const HOUSE_HEADER = [
  'listing_id', 'owner_name', 'owner_phone', 'seller_age', 'neighbourhood', 'distance_to_centre_km',
  'area_m2', 'rooms', 'year_built', 'condition', 'has_garden', 'listed_on', 'sold_on',
  'price_per_m2', 'actual_sale_price', 'predicted_sale_price',
];

export function housePricesExample(): ExampleFile {
  const rng = new Rng(HOUSE_SEED);
  const rows: string[][] = [];
  for (let i = 0; i < LISTINGS; i++) rows.push(houseRow(rng, i));
  // Listings exported twice: exact copies.
  for (let k = 0; k < DUPLICATES; k++) rows.push([...rows[11 + k * 83]!]);
  return exampleFile('house-prices.csv', HOUSE_HEADER, rows);
}
