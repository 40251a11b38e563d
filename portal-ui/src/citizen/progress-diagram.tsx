// The dossier's progress on its BPMN diagram (GET /dossiers/:id/progress):
// steps done, the current steps and those still to come. bpmn-js loads here
// only, by a dynamic import, so no other page downloads it. The steps are
// also listed as text, for readers who cannot see the diagram.
import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import './dossier.messages';

interface Progress {
  xml: string;
  done: string[];
  current: string[];
}

/** The names of BPMN elements by id, read from the XML. */
function elementNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of doc.querySelectorAll('[id][name]')) {
    names.set(element.getAttribute('id')!, element.getAttribute('name')!);
  }
  return names;
}

function Diagram({ progress }: { progress: Progress }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let viewer: { destroy(): void } | undefined;
    let cancelled = false;
    void Promise.all([
      import('bpmn-js/lib/NavigatedViewer'),
      import('bpmn-js/dist/assets/diagram-js.css'),
    ])
      .then(async ([{ default: NavigatedViewer }]) => {
        if (cancelled || !container.current) return;
        const bpmn = new NavigatedViewer({ container: container.current });
        viewer = bpmn;
        await bpmn.importXML(progress.xml);
        const canvas = bpmn.get<{
          zoom(level: string): void;
          addMarker(id: string, marker: string): void;
        }>('canvas');
        canvas.zoom('fit-viewport');
        const mark = (ids: string[], marker: string) =>
          ids.forEach((id) => {
            try {
              canvas.addMarker(id, marker);
            } catch {
              // An element the diagram does not draw (a process, a flow node inside a collapsed part).
            }
          });
        mark(progress.done, 'progress-done');
        mark(progress.current, 'progress-current');
        // The current steps also carry a label, so colour is not the only sign.
        const overlays = bpmn.get<{
          add(
            id: string,
            overlay: { position: { top: number; left: number }; html: HTMLElement },
          ): void;
        }>('overlays');
        for (const id of progress.current) {
          const label = document.createElement('span');
          label.className = 'progress-label';
          label.textContent = t('progress.current');
          try {
            overlays.add(id, { position: { top: -22, left: 0 }, html: label });
          } catch {
            // Not drawn, as above.
          }
        }
      })
      .catch((error: unknown) => !cancelled && setFailed(error));
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [progress]);

  return (
    <>
      <ErrorMessage error={failed} />
      <figure className="diagram">
        <figcaption className="visually-hidden">{t('progress.diagram')}</figcaption>
        <div ref={container} className="bpmn-canvas" />
      </figure>
      <ul className="legend" aria-hidden="true">
        <li className="legend-done">{t('progress.done')}</li>
        <li className="legend-current">{t('progress.current')}</li>
        <li className="legend-pending">{t('progress.pending')}</li>
      </ul>
    </>
  );
}

export function ProgressDiagram({ dossierId, version }: { dossierId: string; version: number }) {
  const progress = useResource<Progress>(`/dossiers/${dossierId}/progress`);
  const { reload } = progress;
  const [shown, setShown] = useState(false);
  const names = useMemo(
    () => (progress.data ? elementNames(progress.data.xml) : new Map<string, string>()),
    [progress.data],
  );

  // A new event on the dossier may have moved it along.
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  if (progress.loading && !progress.data) return <Loading />;
  if (!progress.data) return <p>{t('progress.unavailable')}</p>;
  const named = (ids: string[]) => ids.map((id) => names.get(id)).filter(Boolean) as string[];
  return (
    <>
      <h3>{t('progress.steps')}</h3>
      <ul className="progress-steps">
        {named(progress.data.done).map((name) => (
          <li key={`done-${name}`} className="step-done">
            <span className="badge badge-ok">{t('progress.done')}</span> {name}
          </li>
        ))}
        {named(progress.data.current).map((name) => (
          <li key={`current-${name}`} className="step-current">
            <span className="badge badge-info">{t('progress.current')}</span> {name}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        aria-expanded={shown}
        onClick={() => setShown(!shown)}
      >
        {t(shown ? 'progress.hide' : 'progress.show')}
      </button>
      {shown && <Diagram progress={progress.data} />}
    </>
  );
}
