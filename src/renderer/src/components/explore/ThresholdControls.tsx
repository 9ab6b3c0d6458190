import { useId, useState } from 'react';
import { formatCutoff, parseThreshold, type AvailableThresholdData } from '../../../../shared/explore/threshold-view';
import { formatShare } from '../../../../shared/text/format';
import { exploreWords as x } from '../../text/en-explore';

interface Props {
  data: AvailableThresholdData;
  index: number;
  onChange: (index: number) => void;
}

/**
 * The slider over the table's cut-offs, a box to type one, and the buttons back to the model's own
 * cut-off and to 0.5. The box follows the slider; what is typed moves the slider as soon as it
 * reads as a cut-off, and says what is wrong otherwise (once the person leaves the box).
 */
export function ThresholdControls({ data, index, onChange }: Props) {
  const sliderId = useId();
  const boxId = useId();
  const messageId = useId();
  const [typed, setTyped] = useState({ index, text: formatCutoff(data.thresholds[index]!) });
  const [touched, setTouched] = useState(false);
  // The slider or a button moved the cut-off: show it in the box (React's "adjust state while rendering").
  if (typed.index !== index) {
    setTyped({ index, text: formatCutoff(data.thresholds[index]!) });
    setTouched(false);
  }
  const parsed = parseThreshold(typed.text, data.thresholds);
  const t = formatCutoff(data.thresholds[index]!);
  const selection = data.rows[index]?.selectionRate ?? null;
  const valueText = x.valueText(t, selection === null ? '–' : formatShare(selection), data.positiveClass);
  const model = data.model;

  const type = (text: string): void => {
    const r = parseThreshold(text, data.thresholds);
    setTyped({ index: r.ok ? r.index : index, text });
    if (r.ok && r.index !== index) onChange(r.index);
  };
  const message = !parsed.ok && touched ? parsed.message : parsed.ok && parsed.rounded ? x.rounded(formatCutoff(parsed.value)) : null;

  return (
    <div className="threshold-controls">
      <div className="threshold-controls__slider">
        <label htmlFor={sliderId}>{x.sliderLabel}</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={data.thresholds.length - 1}
          step={1}
          value={index}
          onChange={(e) => onChange(Number(e.target.value))}
          aria-valuetext={valueText}
          data-testid="threshold-slider"
        />
        <output htmlFor={sliderId} className="threshold-controls__value" data-testid="threshold-value">
          {valueText}
        </output>
      </div>
      <div className="threshold-controls__row">
        <label htmlFor={boxId}>{x.typeLabel}</label>
        <input
          id={boxId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="threshold-controls__box"
          value={typed.text}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setTouched(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setTouched(true);
          }}
          aria-invalid={!parsed.ok && touched}
          aria-describedby={message ? messageId : undefined}
          data-testid="threshold-input"
        />
        {model ? (
          <button type="button" className="button button--secondary" disabled={index === model.index} onClick={() => onChange(model.index)} data-testid="threshold-model">
            {x.resetModel(formatCutoff(data.thresholds[model.index]!))}
          </button>
        ) : null}
        {!model || model.index !== data.defaultIndex ? (
          <button type="button" className="button button--secondary" disabled={index === data.defaultIndex} onClick={() => onChange(data.defaultIndex)} data-testid="threshold-reset">
            {x.resetDefault}
          </button>
        ) : null}
      </div>
      {message ? (
        <p id={messageId} className={parsed.ok ? 'threshold-controls__note muted' : 'threshold-controls__error'} data-testid="threshold-input-message">
          {message}
        </p>
      ) : null}
      <p className="muted" data-testid="threshold-model-note">
        {model ? x.modelNote[model.how](formatCutoff(data.thresholds[model.index]!)) : x.modelNote.unknown}
      </p>
    </div>
  );
}
