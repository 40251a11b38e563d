// Tells live dossier streams that a dossier changed: a trigger notifies
// `motcua_dossier_events` when an audit event is appended, with the
// dossier's id, the event's seq and the dossier's status and update time
// (migrations 20261124040000, 20261126030000).
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
