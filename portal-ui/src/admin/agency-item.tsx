// One agency: its code, parent and units, renaming it and adding a unit.
import { useState } from 'react';
import { local, t } from '../i18n/i18n';
import { notice, type Notice } from '../shell/action-status';
import { TableRegion } from '../shell/table-region';
import { AgencyRenameForm, UnitAddForm, type Agency } from './agency-forms';
import './agencies.messages';

const nameOf = (agency: { nameVi: string; nameEn: string }) =>
  local({ vi: agency.nameVi, en: agency.nameEn });

export function AgencyItem({
  agency,
  parent,
  onChanged,
}: {
  agency: Agency;
  parent: Agency | undefined;
  onChanged: (message: Notice) => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const name = nameOf(agency);
  return (
    <li className="card">
      <h3>
        {name} <span className="muted">({agency.code})</span>
      </h3>
      {parent && <p>{t('agencies.parentOf', { name: nameOf(parent) })}</p>}
      {renaming ? (
        <AgencyRenameForm
          agency={agency}
          onCancel={() => setRenaming(false)}
          onSaved={(saved) => {
            setRenaming(false);
            onChanged(notice('agencies.saved', { name: saved }));
          }}
        />
      ) : (
        <button
          type="button"
          className="secondary"
          aria-label={t('agencies.edit', { name })}
          onClick={() => setRenaming(true)}
        >
          {t('agencies.editShort')}
        </button>
      )}
      <h4>{t('agencies.units')}</h4>
      {agency.units.length === 0 ? (
        <p>{t('agencies.units.none')}</p>
      ) : (
        <TableRegion label={t('agencies.units.tableLabel', { name })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('agencies.unit.code')}</th>
                <th scope="col">{t('agencies.unit.nameVi')}</th>
                <th scope="col">{t('agencies.unit.nameEn')}</th>
              </tr>
            </thead>
            <tbody>
              {agency.units.map((unit) => (
                <tr key={unit.id}>
                  <td>{unit.code}</td>
                  <td>{unit.nameVi}</td>
                  <td lang="en">{unit.nameEn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <details>
        <summary>{t('agencies.unit.add')}</summary>
        <UnitAddForm
          agency={agency}
          onAdded={(added) => onChanged(notice('agencies.unit.added', { name: added }))}
        />
      </details>
    </li>
  );
}
