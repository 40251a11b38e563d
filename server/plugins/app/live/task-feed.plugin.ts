// Tells live worklist streams that a task was created in an agency: a
// trigger notifies `motcua_tasks` with the task's id, agency, candidate
// groups and assignee (migration 20261126020000).
import { feedPlugin, type Feed } from './notification-feed.js';

/** What a new task's notification says. */
export interface TaskCreated {
  taskId: string;
  agencyId: string;
  candidateGroups: string[];
  assigneeId: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    taskFeed: Feed;
  }
}

export default feedPlugin({
  decorator: 'taskFeed',
  channel: 'motcua_tasks',
  keyOf: (payload) => payload.agencyId,
  name: 'task-feed',
  metric: { name: 'motcua_task_streams', help: 'Open live worklist streams (Server-Sent Events)' },
});
