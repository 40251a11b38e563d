// The procedure whose process the analyst edits.
import type { Procedure } from './api';
import { useI18n } from './i18n';

export interface ProcedurePickerProps {
  procedures: Procedure[];
  value: string;
  onChange: (code: string) => void;
}

export function ProcedurePicker({ procedures, value, onChange }: ProcedurePickerProps) {
  const { t, pick } = useI18n();
  return (
    <div className="picker">
      <label htmlFor="procedure-picker">{t('picker.label')}</label>
      <select
        id="procedure-picker"
        data-testid="procedure-picker"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('picker.placeholder')}</option>
        {procedures.map((procedure) => (
          <option key={procedure.code} value={procedure.code}>
            {procedure.code} — {pick(procedure.name)}
            {procedure.status === 'draft' ? ` ${t('picker.draft')}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
