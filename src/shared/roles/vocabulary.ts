/**
 * Words that suggest what a column is, in English and the common Spanish, French and German
 * spellings. Matched against normalised column names (lower case, accents removed, separators
 * turned into spaces) as whole words.
 */
export const SENSITIVE_WORDS: Record<string, readonly string[]> = {
  sex: ['sex', 'sexo', 'sexe', 'geschlecht'],
  gender: ['gender', 'genero', 'genre'],
  race: ['race', 'raza', 'rasse', 'racial'],
  ethnicity: ['ethnicity', 'ethnic', 'etnia', 'etnico', 'ethnie', 'ethnique', 'ethnizitat', 'ethnische'],
  age: ['age', 'edad', 'alter', 'agegroup', 'age group', 'age band', 'tranche d age', 'grupo de edad', 'altersgruppe', 'age bracket'],
  religion: ['religion', 'religious', 'religiao', 'konfession', 'confession'],
  disability: ['disability', 'disabled', 'handicap', 'discapacidad', 'behinderung', 'invalidite'],
  nationality: ['nationality', 'citizenship', 'nacionalidad', 'nationalite', 'nationalitat', 'staatsangehorigkeit', 'country of birth', 'birth country', 'pais de nacimiento'],
  marital_status: ['marital', 'married', 'estado civil', 'situation familiale', 'familienstand', 'civil status'],
  pregnancy: ['pregnant', 'pregnancy', 'embarazo', 'embarazada', 'grossesse', 'enceinte', 'schwangerschaft', 'schwanger'],
  language: ['language', 'idioma', 'lengua', 'langue', 'sprache', 'mother tongue'],
};

/** Cell values that give away a sex/gender column whatever it is called. */
export const SEX_VALUES = new Set([
  'male', 'female', 'm', 'f', 'man', 'woman', 'men', 'women', 'non-binary', 'nonbinary', 'other',
  'hombre', 'mujer', 'masculino', 'femenino', 'homme', 'femme', 'masculin', 'feminin', 'mannlich', 'weiblich', 'divers',
]);

export const TARGET_WORDS = [
  'target', 'label', 'labels', 'outcome', 'actual', 'truth', 'ground truth', 'true label', 'y', 'y true', 'class', 'result',
  'repaid', 'default', 'defaulted', 'churn', 'churned', 'fraud', 'is fraud', 'survived', 'diagnosis', 'converted',
  'objetivo', 'etiqueta', 'resultado', 'clase', 'cible', 'etiquette', 'resultat', 'ziel', 'zielvariable', 'ergebnis', 'tatsachlich', 'klasse',
];

export const PREDICTION_WORDS = [
  'prediction', 'predictions', 'predicted', 'pred', 'preds', 'y pred', 'yhat', 'y hat', 'decision', 'predicted label', 'forecast',
  'prediccion', 'predicho', 'decision del modelo', 'vorhersage', 'prognose', 'entscheidung',
];

export const SCORE_WORDS = [
  'score', 'scores', 'prob', 'proba', 'probability', 'probabilities', 'confidence', 'likelihood', 'risk', 'propensity',
  'probabilidad', 'puntuacion', 'confianza', 'probabilite', 'confiance', 'wahrscheinlichkeit', 'konfidenz',
];

export const ID_WORDS = ['id', 'uuid', 'guid', 'key', 'identifier', 'index', 'codigo', 'kennung'];

/** Values read as the positive outcome, in order of preference. */
export const POSITIVE_VALUES = [
  '1', 'yes', 'true', 'y', 't', 'positive', 'pos', 'approved', 'approve', 'accepted', 'accept', 'granted', 'hired', 'admitted', 'selected',
  'fraud', 'default', 'defaulted', 'churn', 'churned', 'malignant', 'spam', 'si', 'oui', 'ja', 'aprobado', 'accepte', 'genehmigt',
];

export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The longest of `words` that appears in the normalised name as whole words, or null. */
export function matchWords(normalised: string, words: readonly string[]): string | null {
  const padded = ` ${normalised} `;
  let best: string | null = null;
  for (const w of words) {
    if (padded.includes(` ${w} `) && (best === null || w.length > best.length)) best = w;
  }
  return best;
}
