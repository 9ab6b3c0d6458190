/** Names of the model measures in the key figures: the same words the exports use (one source). */
export { metricWordsEn as metricWords, type MetricWord } from '../../../shared/export/report-words-en';
