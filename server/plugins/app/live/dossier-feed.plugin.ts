// Tells live dossier streams that a dossier changed: a trigger notifies
// `motcua_dossier_events` with the dossier's id when an audit event is
// appended (migration 20261124040000).
import { feedPlugin, type Feed } from './notification-feed.js';

declare module 'fastify' {
  interface FastifyInstance {
    dossierFeed: Feed;
  }
}

export default feedPlugin({
  decorator: 'dossierFeed',
  channel: 'motcua_dossier_events',
  keyOf: (payload) => payload.dossierId,
  name: 'dossier-feed',
  metric: {
    name: 'motcua_dossier_streams',
    help: 'Open live dossier streams (Server-Sent Events)',
  },
});
