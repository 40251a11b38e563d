// The analyst's workspace: pick a procedure, edit its process on the canvas
// with the properties panel and live lint, preview its filing form, deploy,
// and see the versions deployed.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type Procedure } from './api';
import { markCamundaCloud } from './bpmn/camunda-platform';
import { countBySeverity, type LintFinding } from './bpmn/lint-findings';
import {
  downloadXml,
  elementName,
  hasElement,
  processIdOf,
  selectElement,
} from './bpmn/modeler-actions';
import { useModeler } from './bpmn/use-modeler';
import { useI18n } from './i18n';
import { LintPanel } from './lint-panel';
import { ProcedurePicker } from './procedure-picker';
import { StatusMessage, type Status } from './status-message';
import { TemplateDialog } from './template-dialog';
import { useConfirm } from './use-confirm';
import { VersionsPanel } from './versions-panel';

// The form renderer (RJSF, ajv) loads on the first preview.
const FormPreviewDialog = lazy(async () => ({
  default: (await import('./form-preview-dialog')).FormPreviewDialog,
}));

interface OpenDiagram {
  processId: string;
  /** The deployed version it was opened from or deployed as; null before its first deploy. */
  version: number | null;
}

export function Workspace({ onDirtyChange }: { onDirtyChange: (dirty: boolean) => void }) {
  const { t, pick, locale } = useI18n();
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const versionsHeadingRef = useRef<HTMLHeadingElement>(null);
  const openRequest = useRef(0);
  const [status, setStatus] = useState<Status | null>(null);
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [code, setCode] = useState('');
  const [diagram, setDiagram] = useState<OpenDiagram | null>(null);
  const [busy, setBusy] = useState(false);
  const [versions, setVersions] = useState({ open: false, stamp: 0, focus: false });
  const [dialog, setDialog] = useState<'template' | 'preview' | null>(null);
  const [confirm, confirmDialog] = useConfirm();

  const fail = useCallback((error: unknown) => {
    setStatus(
      error instanceof ApiError && error.text
        ? { tone: 'error', server: error.text, details: error.details }
        : { tone: 'error', key: 'error.unexpected' },
    );
  }, []);
  const { modeler, dirty, setDirty, findings, clearFindings } = useModeler(
    canvasRef,
    propertiesRef,
    () => setStatus({ tone: 'error', key: 'error.templates' }),
  );
  const procedure = procedures.find((candidate) => candidate.code === code);
  const counts = countBySeverity(findings);

  useEffect(() => {
    api
      .procedures()
      .then((list) => setProcedures([...list].sort((a, b) => a.code.localeCompare(b.code))), fail);
  }, [fail]);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (versions.focus) versionsHeadingRef.current?.focus();
  }, [versions]);

  const confirmDiscard = async () =>
    !dirty ||
    confirm({
      title: t('unsaved.title'),
      body: t('unsaved.body'),
      confirmLabel: t('unsaved.discard'),
    });

  /** An empty canvas: never another procedure's diagram, where Deploy would send it. */
  function resetCanvas() {
    modeler?.clear();
    clearFindings();
    setDirty(false);
    setDiagram(null);
  }

  async function showXml(xml: string): Promise<boolean> {
    if (!modeler) return false;
    try {
      await modeler.importXML(xml);
    } catch (error) {
      resetCanvas();
      const reason = error instanceof Error ? error.message : String(error);
      setStatus({ tone: 'error', key: 'error.invalidXml', params: { reason } });
      return false;
    }
    markCamundaCloud(modeler);
    modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
    return true;
  }

  async function openProcess(procedureCode: string) {
    if (!modeler) return;
    const request = ++openRequest.current;
    setStatus({ tone: 'info', key: 'open.running' });
    try {
      const bpmn = await api.processBpmn(procedureCode);
      if (request !== openRequest.current || !(await showXml(bpmn.xml))) return;
      setDiagram({ processId: bpmn.bpmnProcessId, version: bpmn.version });
      setStatus({
        tone: 'success',
        key: 'open.done',
        params: { processId: bpmn.bpmnProcessId, version: bpmn.version },
      });
    } catch (error) {
      if (request !== openRequest.current) return;
      resetCanvas();
      if (error instanceof ApiError && error.status === 404) {
        setStatus({ tone: 'info', key: 'open.notDeployed' });
      } else fail(error);
    }
  }

  async function pickProcedure(next: string) {
    if (next === code || !(await confirmDiscard())) return;
    setCode(next);
    setVersions((current) => ({ ...current, stamp: current.stamp + 1, focus: false }));
    if (next) await openProcess(next);
    else resetCanvas();
  }

  async function reopen() {
    if (code && (await confirmDiscard())) await openProcess(code);
  }

  async function startTemplate() {
    if (await confirmDiscard()) setDialog('template');
  }

  async function createFromTemplate(processId: string, name: string) {
    setDialog(null);
    try {
      const xml = await api.templateXml(processId, name);
      if (!(await showXml(xml))) return;
      setDiagram({ processId, version: null });
      // A new diagram is a change nobody has deployed yet.
      setDirty(true);
      setStatus({ tone: 'success', key: 'template.done', params: { processId } });
    } catch (error) {
      fail(error);
    }
  }

  async function download() {
    if (!modeler || !diagram) return;
    const file = `${processIdOf(modeler) ?? diagram.processId}.bpmn`;
    await downloadXml(modeler, file);
    setStatus({ tone: 'success', key: 'download.done', params: { file } });
  }

  async function deploy() {
    if (!modeler || !diagram || !code) return;
    if (counts.error > 0) {
      const goOn = await confirm({
        title: t('deploy.confirmTitle'),
        body: t('deploy.confirmBody', { errors: counts.error }),
        confirmLabel: t('deploy.confirm'),
      });
      if (!goOn) return;
    }
    setBusy(true);
    setStatus({ tone: 'info', key: 'deploy.running' });
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const result = await api.deploy(code, xml ?? '');
      setDirty(false);
      setDiagram({ processId: result.bpmnProcessId, version: result.version });
      setStatus({ tone: 'success', key: 'deploy.done', params: { version: result.version } });
      setVersions((current) => ({ open: true, stamp: current.stamp + 1, focus: false }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  function showVersions() {
    setVersions((current) => ({ open: true, stamp: current.stamp + 1, focus: true }));
  }

  function selectFinding(finding: LintFinding) {
    if (modeler) selectElement(modeler, finding.elementId);
  }

  const nameOf = (elementId: string) => (modeler ? elementName(modeler, elementId) : null);

  return (
    <>
      <div className="controls">
        <ProcedurePicker
          procedures={procedures}
          value={code}
          onChange={(next) => void pickProcedure(next)}
        />
        <div className="toolbar" role="group" aria-label={t('toolbar.label')}>
          <button type="button" onClick={() => void reopen()} disabled={!code}>
            {t('toolbar.open')}
          </button>
          <button type="button" onClick={() => void startTemplate()} disabled={!modeler}>
            {t('toolbar.template')}
          </button>
          <button type="button" onClick={() => void download()} disabled={!diagram}>
            {t('toolbar.download')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void deploy()}
            disabled={!diagram || !code || busy}
          >
            {t('toolbar.deploy')}
          </button>
          <button type="button" onClick={() => setDialog('preview')} disabled={!procedure}>
            {t('toolbar.formPreview')}
          </button>
          <button type="button" onClick={showVersions} disabled={!procedure}>
            {t('toolbar.versions')}
          </button>
        </div>
      </div>
      <StatusMessage
        status={status}
        isElement={(id) => modeler !== null && hasElement(modeler, id)}
        onSelectElement={(elementId) => modeler && selectElement(modeler, elementId)}
      />
      <div className="workbench">
        <section className="diagram" id="diagram" aria-labelledby="diagram-heading">
          <div className="diagram-title">
            <h2 id="diagram-heading">{t('diagram.heading')}</h2>
            <p data-testid="diagram-info">
              {diagram
                ? t(diagram.version === null ? 'diagram.editingNew' : 'diagram.editing', {
                    processId: diagram.processId,
                    version: diagram.version ?? '',
                  })
                : t('diagram.empty')}
              {dirty && (
                <span className="badge" data-testid="unsaved">
                  {t('diagram.unsaved')}
                </span>
              )}
            </p>
          </div>
          <div className="canvas-frame">
            <div className="canvas" ref={canvasRef} data-testid="canvas" />
            {!diagram && <div className="canvas-empty" aria-hidden="true" />}
          </div>
        </section>
        <section className="properties" aria-labelledby="properties-heading">
          <h2 id="properties-heading" className="visually-hidden">
            {t('properties.heading')}
          </h2>
          <div className="properties-panel" ref={propertiesRef} data-testid="properties-panel" />
        </section>
      </div>
      <div className="panels">
        <LintPanel findings={findings} nameOf={nameOf} onSelect={selectFinding} />
        {versions.open && procedure && (
          <VersionsPanel
            procedureCode={procedure.code}
            processId={diagram?.processId ?? procedure.bpmnProcessId}
            stamp={versions.stamp}
            headingRef={versionsHeadingRef}
            onClose={() => setVersions((current) => ({ ...current, open: false }))}
            onError={fail}
          />
        )}
      </div>
      {dialog === 'template' && (
        <TemplateDialog
          initialProcessId={procedure?.bpmnProcessId ?? ''}
          initialName={procedure ? pick(procedure.name) : ''}
          onCreate={(processId, name) => void createFromTemplate(processId, name)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'preview' && procedure && (
        <Suspense fallback={null}>
          <FormPreviewDialog
            procedureCode={procedure.code}
            locale={locale}
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
      {confirmDialog}
    </>
  );
}
