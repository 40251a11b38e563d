// Decorates the app with the form registry (`app.forms`), loaded once at
// start-up; a bad form file stops the start with the file named.
import fp from 'fastify-plugin';
import { createFormRegistry, type FormRegistry } from './form-registry.js';

declare module 'fastify' {
  interface FastifyInstance {
    forms: FormRegistry;
  }
}

export interface FormsPluginOptions {
  /** A registry built elsewhere (tests); otherwise one is loaded from `dir`. */
  registry?: FormRegistry;
  /** Folder of form files; defaults to the project's `forms/`. */
  dir?: string;
}

export default fp<FormsPluginOptions>(
  async (app, options) => {
    app.decorate('forms', options.registry ?? createFormRegistry({ dir: options.dir }));
  },
  { name: 'forms' },
);
