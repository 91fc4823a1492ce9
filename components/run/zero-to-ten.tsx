'use client';

import { CHOICE_CHIP } from '../ui/choice';

/** A 0–10 scale as a radio group: arrow keys move along it, every value has a label. */
export function ZeroToTen({
  name,
  legend,
  low,
  high,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-1">
        {Array.from({ length: 11 }, (_, n) => (
          <label
            key={n}
            className={`${CHOICE_CHIP} flex h-11 w-11 items-center justify-center font-mono text-lg`}
          >
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            {n}
          </label>
        ))}
      </div>
      <p className="flex justify-between text-xs text-stone-700">
        <span>{low}</span>
        <span>{high}</span>
      </p>
    </fieldset>
  );
}
