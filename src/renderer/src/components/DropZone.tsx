import { useId, useRef, useState, type DragEvent } from 'react';
import { en } from '../text/en';

/** Words for a drop zone with another purpose (the defaults are for importing data). */
export interface DropZoneWords {
  title: string;
  hint: string;
  dropNow: string;
  fileInputLabel: string;
}

interface Props {
  onFile: (file: File) => void;
  size: 'large' | 'small';
  disabled?: boolean;
  words?: DropZoneWords;
}

/** Every format the importer reads (it decides by content; these only filter the picker). */
const ACCEPT = [
  '.csv', '.tsv', '.tab', '.txt', '.psv', '.dat',
  '.xlsx', '.xlsm',
  '.json', '.ndjson', '.jsonl',
  '.parquet', '.pq',
  '.arrow', '.arrows', '.feather', '.ipc',
  'text/csv', 'text/tab-separated-values', 'text/plain', 'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files');

/** A large target for dropping a file, with a button that opens the file picker for keyboard users. */
export function DropZone({ onFile, size, disabled = false, words }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const titleId = useId();
  const hintId = useId();

  const take = (files: FileList | null): void => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };

  const onDragOver = (e: DragEvent<HTMLElement>): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!over) setOver(true);
  };

  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };

  return (
    <section
      className={`drop-zone drop-zone--${size}${over ? ' drop-zone--over' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={hintId}
      data-testid="drop-zone"
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="drop-zone__icon" aria-hidden="true">
        <svg viewBox="0 0 48 48" width={size === 'large' ? 48 : 28} height={size === 'large' ? 48 : 28}>
          <path d="M10 6h20l10 10v26H10z" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
          <path d="M30 6v10h10M17 24h16M17 30h16M17 36h10" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
      </div>
      <div className="drop-zone__text">
        <h2 id={titleId} className="drop-zone__title">
          {over ? (words?.dropNow ?? en.drop.dropNow) : (words?.title ?? (size === 'large' ? en.drop.title : en.drop.titleSmall))}
        </h2>
        <p id={hintId} className="drop-zone__hint">
          {words?.hint ?? (size === 'large' ? en.drop.hint : en.drop.hintSmall)}
        </p>
      </div>
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => input.current?.click()} data-testid="choose-file">
        {en.drop.choose}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        aria-label={words?.fileInputLabel ?? en.drop.fileInputLabel}
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </section>
  );
}
