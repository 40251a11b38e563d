// How the generated forms look and read: each field with its label, hint
// and error message in the portal's own markup (styles.css), radio groups
// and checkbox lists as fieldsets with a legend, the administrative-unit
// field, and text buttons for repeatable rows.
import {
  ariaDescribedByIds,
  enumOptionsIsSelected,
  errorId,
  getUiOptions,
  helpId,
  optionId,
  type DescriptionFieldProps,
  type FieldProps,
  type FieldTemplateProps,
  type IconButtonProps,
  type WidgetProps,
} from '@rjsf/utils';
import type { ChangeEvent } from 'react';
import { PROVINCE_CODES } from '../../../server/plugins/app/forms/form-formats';
import { t } from '../i18n/i18n';

const GROUPED = new Set(['radio', 'checkboxes']);

function Required() {
  return (
    <span className="required" aria-hidden="true">
      {' *'}
    </span>
  );
}

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors = [], rawHelp, hidden, required, displayLabel } = props;
  if (hidden) return <div hidden>{children}</div>;
  const widget = getUiOptions(props.uiSchema).widget;
  const hint = rawHelp ? (
    <p id={helpId(id)} className="hint">
      {rawHelp}
    </p>
  ) : null;
  const errors =
    rawErrors.length > 0 ? (
      <p id={errorId(id)} className="field-error">
        {rawErrors.join(' ')}
      </p>
    ) : null;
  const className = rawErrors.length > 0 ? 'field field-invalid' : 'field';

  const grouped = typeof widget === 'string' && GROUPED.has(widget);
  if (grouped) {
    return (
      <fieldset className={`${className} choices`}>
        <legend>
          {label}
          {required && <Required />}
        </legend>
        {hint}
        {errors}
        {children}
      </fieldset>
    );
  }
  // Groups and lists draw their own fieldset; their messages sit above it.
  if (props.schema.type === 'object' || props.schema.type === 'array') {
    return (
      <div className={className}>
        {hint}
        {errors}
        {children}
      </div>
    );
  }
  // A checkbox carries its own label beside the box.
  const ownLabel = widget === 'checkbox' || !displayLabel;
  return (
    <div className={className}>
      {!ownLabel && (
        <label htmlFor={id}>
          {label}
          {required && <Required />}
        </label>
      )}
      {hint}
      {errors}
      {children}
    </div>
  );
}

/** A radio group; the legend of its fieldset names it. */
export function RadioWidget({
  id,
  options,
  value,
  required,
  disabled,
  readonly,
  onChange,
  onBlur,
  onFocus,
}: WidgetProps) {
  const choices = options.enumOptions ?? [];
  return (
    <div className="choice-list">
      {choices.map((option, index) => (
        <label key={String(option.value)} className="choice">
          <input
            type="radio"
            id={index === 0 ? id : optionId(id, index)}
            name={id}
            value={String(option.value)}
            checked={enumOptionsIsSelected(option.value, value)}
            required={required}
            disabled={disabled || readonly}
            aria-describedby={ariaDescribedByIds(id)}
            onChange={() => onChange(option.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

const provinces = [...PROVINCE_CODES].sort(([a], [b]) => a.localeCompare(b));

/**
 * An administrative-unit code: provinces from the national list; district and
 * commune codes typed as digits (their lists are reference data the portal
 * does not hold).
 */
export function AdminUnitWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, options } = props;
  const common = {
    id,
    name: id,
    required,
    'aria-describedby': ariaDescribedByIds(id),
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  };
  if (options.level === 'province') {
    return (
      <select
        {...common}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled || readonly}
        onChange={(event: ChangeEvent<HTMLSelectElement>) =>
          onChange(event.target.value || undefined)
        }
      >
        <option value="">{t('forms.choose')}</option>
        {provinces.map(([code, name]) => (
          <option key={code} value={code}>
            {t('forms.province', { code, name })}
          </option>
        ))}
      </select>
    );
  }
  const digits = options.level === 'district' ? 3 : 5;
  return (
    <input
      {...common}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={digits}
      className="input-short"
      value={typeof value === 'string' ? value : ''}
      readOnly={readonly}
      disabled={disabled}
      onChange={(event: ChangeEvent<HTMLInputElement>) =>
        onChange(event.target.value.trim() || undefined)
      }
    />
  );
}

/** A group's help, under its legend. */
export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  return description ? (
    <p id={id} className="hint">
      {description}
    </p>
  ) : null;
}

/** A field whose `visibleWhen` does not hold: nothing is shown. */
export function HiddenField(_props: FieldProps) {
  return null;
}

function textButton(key: string, className = 'secondary') {
  return function TextButton({ onClick, disabled, id }: IconButtonProps) {
    return (
      <button type="button" id={id} className={className} onClick={onClick} disabled={disabled}>
        {t(key)}
      </button>
    );
  };
}

/** Repeatable rows are edited with buttons that say what they do. */
export const ButtonTemplates = {
  AddButton: textButton('forms.list.add'),
  RemoveButton: textButton('forms.list.remove'),
  MoveUpButton: textButton('forms.list.up'),
  MoveDownButton: textButton('forms.list.down'),
  CopyButton: textButton('forms.list.copy'),
};
