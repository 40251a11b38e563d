// "Nộp hồ sơ trực tuyến": creates a draft of the procedure, filled in with
// what the account knows, and opens it in the filing wizard.
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { FormDefinition } from '../forms/schema-form';
import { t, useLocale } from '../i18n/i18n';
import type { Procedure } from '../public/catalogue';
import { api } from '../shell/api';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { useSession } from '../shell/session';
import type { Dossier } from './dossier-types';
import './dossier.messages';
import { prefill } from './prefill';

// One draft per visit, even when React runs the effect twice.
const creating = new Map<string, Promise<Dossier>>();

async function createDraft(code: string, account: Parameters<typeof prefill>[1]): Promise<Dossier> {
  const procedure = await api.get<Procedure>(`/procedures/${code}`);
  const form = await api.get<FormDefinition>(
    `/forms/${procedure.form.id}?version=${procedure.form.version}`,
  );
  return api.post<Dossier>('/dossiers', { procedureCode: code, formData: prefill(form, account) });
}

export default function FilePage({ params }: PageProps) {
  useLocale();
  const code = params.code ?? '';
  const { account } = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!account) return;
    let pending = creating.get(code);
    if (!pending) {
      pending = createDraft(code, account);
      creating.set(code, pending);
    }
    pending.then(
      (draft) => {
        creating.delete(code);
        navigate(`/drafts/${draft.id}`, { replace: true });
      },
      (caught: unknown) => {
        creating.delete(code);
        setError(caught);
      },
    );
  }, [code, account, navigate]);

  return (
    <>
      <h1>{t('file.title')}</h1>
      {error ? <ErrorMessage error={error} /> : <Loading />}
    </>
  );
}
