// Stands in for markdown-to-jsx, which RJSF imports to render descriptions
// written in Markdown. motcua's forms hold plain text, so the ~25 KB (gzip)
// parser stays out of the citizen pages (see vite.config.ts).
import type { ReactNode } from 'react';

export function Markdown({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}
