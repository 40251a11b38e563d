// The form definitions of forms/, as GET /api/v1/forms/:id answers them. The
// types are the server's own, so a change in the file format shows here.
export type {
  FormDefinition,
  JsonSchema,
  UiField,
} from '../../../server/plugins/app/forms/form-registry';
