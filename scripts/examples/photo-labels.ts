/**
 * The image-classifier example: photo-labels.csv, the results of a (synthetic) animal classifier
 * run on camera-trap photos from eight cameras in a nature reserve, with what is really in each
 * photo (true_label), the model's answer (predicted_label), one score per class (score_<class>,
 * summing to 1) and what is known about each photo (camera, time, light, sharpness, temperature,
 * file size, who uploaded it). Problems are planted on purpose; every one is listed in
 * resources/examples/README.md.
 */
import { Rng } from '../lib/random';
import { exampleFile, isoDate, isoDateTime, type ExampleFile } from './example-file';

export const PHOTO_SEED = 20250914;
const PHOTOS = 2400;
const DUPLICATES = 30;
const RELABELLED = 15;

/** Classes in score-column order; single lower-case words, so score_<class> names the class exactly. */
const CLASSES = ['deer', 'boar', 'fox', 'badger', 'hare', 'squirrel', 'lynx', 'bird'] as const;
type Animal = (typeof CLASSES)[number];

/** How often each class is photographed in daylight and in the dark (relative weights). */
const SEEN: Record<Animal, { day: number; dark: number }> = {
  deer: { day: 24, dark: 22 },
  boar: { day: 10, dark: 20 },
  fox: { day: 10, dark: 18 },
  badger: { day: 2, dark: 16 },
  hare: { day: 12, dark: 10 },
  squirrel: { day: 16, dark: 0.5 },
  lynx: { day: 0.8, dark: 1.4 },
  bird: { day: 15, dark: 1 },
};

/** The class each one is most often mistaken for. */
const LOOKALIKE: Record<Animal, Animal> = {
  deer: 'boar', boar: 'badger', fox: 'lynx', badger: 'boar', hare: 'squirrel', squirrel: 'hare', lynx: 'fox', bird: 'squirrel',
};

const CAMERAS = [['CAM-01', 14], ['CAM-02', 12], ['CAM-03', 13], ['CAM-04', 12], ['CAM-05', 11], ['CAM-06', 12], ['CAM-07', 15], ['CAM-08', 11]] as const;
/** The camera whose infrared flash failed: its night photos are nearly black. */
const BROKEN_FLASH = 'CAM-07';
/** The camera without a working temperature sensor. */
const NO_THERMOMETER = 'CAM-02';
/** The camera whose clock was set to the wrong year for a few days. */
const WRONG_CLOCK = 'CAM-04';

const VOLUNTEERS = [
  'anna.lindqvist', 'tomas.novak', 'grace.okafor', 'hiro.tanaka', 'lena.fischer',
  'pablo.ruiz', 'amira.haddad', 'sam.oconnor', 'ines.moreau', 'david.kowalski',
];

const START = Date.UTC(2025, 3, 1);
const DAY = 86_400_000;

/** Scores in thousandths that sum to exactly 1000 (largest remainders get the rounding). */
function thousandths(p: readonly number[]): number[] {
  const floors = p.map((x) => Math.floor(x * 1000));
  let left = 1000 - floors.reduce((s, x) => s + x, 0);
  const order = p.map((x, i) => [x * 1000 - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors;
}

function photoRow(rng: Rng, counters: Map<string, number>): string[] {
  const camera = rng.weighted(CAMERAS);
  const light = rng.weighted([['day', 0.42], ['twilight', 0.16], ['night', 0.42]] as const);
  const dark = light !== 'day';
  const animal = rng.weighted(CLASSES.map((c) => [c, dark ? SEEN[c].dark : SEEN[c].day] as const));

  const hour = light === 'day' ? rng.int(8, 17) : light === 'twilight' ? rng.pick([5, 6, 19, 20]) : rng.pick([21, 22, 23, 0, 1, 2, 3, 4]);
  const day = rng.int(0, 213);
  let taken = START + day * DAY + hour * 3_600_000 + rng.int(0, 3599) * 1000;
  const uploaded = taken + rng.int(3, 40) * DAY;
  // Wrong clock: a few of one camera's August photos say 2035.
  if (camera === WRONG_CLOCK && day >= 122 && day < 127) taken += Date.UTC(2035, 0, 1) - Date.UTC(2025, 0, 1);

  const sharpness = Math.min(0.99, Math.max(0.05, rng.normal(dark ? 0.55 : 0.75, 0.14)));
  const temperature = dark ? rng.normal(10, 4) : rng.normal(19, 5);
  const fileSize = Math.round(dark ? rng.normal(620, 120) : rng.normal(1650, 320));

  // The model: the true class stands out by `signal`; its look-alike a little. Dark, blurred and
  // rare animals are harder; on the broken-flash camera at night almost nothing shows.
  const broken = camera === BROKEN_FLASH && light === 'night';
  let signal = (light === 'day' ? 3.6 : light === 'twilight' ? 3.1 : 3.0) * (0.55 + 0.6 * sharpness);
  if (animal === 'lynx') signal *= 0.6;
  if (broken) signal = 0.5;
  const z = CLASSES.map(() => rng.normal(0, 1));
  const t = CLASSES.indexOf(animal);
  z[t]! += signal;
  z[CLASSES.indexOf(LOOKALIKE[animal])]! += 0.3 * signal;
  if (broken) z[CLASSES.indexOf('boar')]! += 1.6; // a dark blob reads as a boar
  // Over-confident: the scores are sharpened (×2.6) before the softmax.
  const e = z.map((v) => Math.exp(2.6 * v));
  const sum = e.reduce((s, v) => s + v, 0);
  const scores = thousandths(e.map((v) => v / sum));
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });

  const n = (counters.get(camera) ?? 0) + 1;
  counters.set(camera, n);
  const camNo = Number(camera.slice(4));
  const volunteer = VOLUNTEERS[rng.chance(0.7) ? camNo - 1 : (camNo + 2) % VOLUNTEERS.length]!;
  // Missing metadata: no temperature from one camera, and now and then from any.
  const temperatureCell = camera === NO_THERMOMETER || rng.chance(0.03) ? '' : temperature.toFixed(1);

  return [
    `${camera}/IMG_${String(n).padStart(5, '0')}.JPG`,
    camera,
    isoDateTime(taken),
    light,
    sharpness.toFixed(2),
    temperatureCell,
    String(fileSize),
    `${volunteer}@example.org`,
    isoDate(uploaded),
    animal,
    CLASSES[best]!,
    ...scores.map((s) => (s / 1000).toFixed(3)),
  ];
}

export const PHOTO_HEADER = [
  'file_name', 'camera', 'captured_at', 'light', 'sharpness', 'temperature_c', 'file_size_kb',
  'uploaded_by', 'uploaded_on', 'true_label', 'predicted_label', ...CLASSES.map((c) => `score_${c}`),
];

export function photoLabelsExample(): ExampleFile {
  const rng = new Rng(PHOTO_SEED);
  const counters = new Map<string, number>();
  const rows: string[][] = [];
  for (let i = 0; i < PHOTOS; i++) rows.push(photoRow(rng, counters));
  // The same photos uploaded twice (a card synced two times): exact copies.
  for (let k = 0; k < DUPLICATES; k++) rows.push([...rows[17 + k * 71]!]);
  // Photos labelled twice by different volunteers, with two different answers: same row, other true label.
  const label = PHOTO_HEADER.indexOf('true_label');
  for (let k = 0; k < RELABELLED; k++) {
    const copy = [...rows[40 + k * 163]!];
    copy[label] = LOOKALIKE[copy[label] as Animal];
    rows.push(copy);
  }
  return exampleFile('photo-labels.csv', PHOTO_HEADER, rows);
}
