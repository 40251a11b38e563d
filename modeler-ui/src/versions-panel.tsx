// The versions deployed for the open procedure's process, with who deployed
// each one and when.
import { useEffect, useState, type Ref } from 'react';
import { api, type Deployment } from './api';
import { formatDateTime, useI18n } from './i18n';

export interface VersionsPanelProps {
  procedureCode: string;
  processId: string;
  /** Changes whenever the list must be read again (e.g. after a deploy). */
  stamp: number;
  headingRef: Ref<HTMLHeadingElement>;
  onClose: () => void;
  onError: (error: unknown) => void;
}

export function VersionsPanel(props: VersionsPanelProps) {
  const { procedureCode, processId, stamp, headingRef, onClose, onError } = props;
  const { t } = useI18n();
  const [versions, setVersions] = useState<Deployment[] | 'loading' | 'failed'>('loading');

  useEffect(() => {
    let current = true;
    setVersions('loading');
    api.deployments(procedureCode).then(
      (list) => current && setVersions([...list].sort((a, b) => b.version - a.version)),
      (error: unknown) => {
        if (!current) return;
        setVersions('failed');
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [procedureCode, stamp, onError]);

  return (
    <section className="panel versions-panel" id="versions" aria-labelledby="versions-heading">
      <div className="panel-title">
        <h2 id="versions-heading" ref={headingRef} tabIndex={-1}>
          {t('versions.heading')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {versions === 'loading' && <p>{t('versions.loading')}</p>}
      {versions === 'failed' && <p>{t('versions.failed')}</p>}
      {Array.isArray(versions) && versions.length === 0 && <p>{t('versions.none')}</p>}
      {Array.isArray(versions) && versions.length > 0 && (
        <table className="versions" data-testid="versions-table">
          <caption>{t('versions.caption', { processId })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('versions.version')}</th>
              <th scope="col">{t('versions.deployedBy')}</th>
              <th scope="col">{t('versions.deployedAt')}</th>
              <th scope="col">{t('versions.source')}</th>
              <th scope="col">{t('versions.key')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.processDefinitionKey} data-version={version.version}>
                <th scope="row">{version.version}</th>
                <td>{version.deployedBy?.fullName ?? t('versions.system')}</td>
                <td>{formatDateTime(version.deployedAt)}</td>
                <td>
                  {version.source === 'modeler'
                    ? t('versions.fromModeler')
                    : t('versions.fromFile')}
                </td>
                <td className="key">{version.processDefinitionKey}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
