import type { ReactNode } from 'react';

/** A labelled form field; the label is always visible, never a placeholder only. */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export const inputClass =
  'rounded-md border border-stone-400 bg-white px-3 py-2 text-base focus:border-blue-700';
