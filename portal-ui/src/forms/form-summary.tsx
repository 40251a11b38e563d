// A filled-in form to read, not to edit: each group with its fields as a
// definition list, values as people write them (option labels, dd/MM/yyyy,
// numbers with their unit, province names). The filing review and the
// officers' dossier pages show forms this way.
import { PROVINCE_CODES } from '../../../server/plugins/app/forms/form-formats';
import { formatDate, formatDateTime } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import { isVisible, valueAt } from './form-data';
import type { FormDefinition, UiField } from './form-definition';

const numberFormat = new Intl.NumberFormat('vi-VN');

function text(field: UiField, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('common.none');
  if (Array.isArray(value)) return value.map((v) => text(field, v)).join('; ');
  const option = field.options?.[String(value)];
  if (option) return local(option);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    return field.unit
      ? `${numberFormat.format(value)} ${local(field.unit)}`
      : numberFormat.format(value);
  }
  const raw = String(value);
  if (field.widget === 'date') return formatDate(raw) || raw;
  if (field.widget === 'datetime') return formatDateTime(raw) || raw;
  if (field.widget === 'admin-unit' && field.level === 'province') {
    const name = PROVINCE_CODES.get(raw);
    return name ? `${raw} — ${name}` : raw;
  }
  return raw;
}

/** The keys listed right under a group (`*` is a list's item). */
function membersOf(form: FormDefinition, group: string): string[] {
  return form.ui.order.filter((key) => key.slice(0, key.lastIndexOf('/')) === group);
}

function Members({
  form,
  data,
  uiGroup,
  dataGroup,
}: {
  form: FormDefinition;
  data: unknown;
  uiGroup: string;
  dataGroup: string;
}) {
  return (
    <dl className="facts summary">
      {membersOf(form, uiGroup).map((key) => {
        const field = form.ui.fields[key];
        const name = key.slice(key.lastIndexOf('/') + 1);
        const at = `${dataGroup}/${name}`;
        if (!field || field.widget === 'hidden' || !isVisible(form, key, data)) return null;
        const value = valueAt(data, at);
        if (field.widget === 'group' || field.widget === 'list') {
          const items = field.widget === 'list' && Array.isArray(value) ? value : null;
          return (
            <div key={key} className="summary-group">
              <dt>{local(field.label)}</dt>
              <dd>
                {value === undefined || (items && items.length === 0) ? (
                  t('common.none')
                ) : items ? (
                  <ol>
                    {items.map((item: unknown, index) => (
                      <li key={index}>
                        {membersOf(form, `${key}/*`).length > 0 ? (
                          <Members
                            form={form}
                            data={data}
                            uiGroup={`${key}/*`}
                            dataGroup={`${at}/${index}`}
                          />
                        ) : (
                          text(form.ui.fields[`${key}/*`] ?? field, item)
                        )}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <Members form={form} data={data} uiGroup={key} dataGroup={at} />
                )}
              </dd>
            </div>
          );
        }
        return (
          <div key={key} className="facts-row">
            <dt>{local(field.label)}</dt>
            <dd>{text(field, value)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function FormSummary({ form, formData }: { form: FormDefinition; formData: unknown }) {
  return <Members form={form} data={formData} uiGroup="" dataGroup="" />;
}
