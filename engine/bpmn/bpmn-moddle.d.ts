// bpmn-moddle ships types for its meta-model only, not for its entry point.
// This declares the part of the entry point that parse.ts uses.
declare module 'bpmn-moddle' {
  export interface ParseWarning {
    message: string;
    /** The moddle element the warning is about, when there is one. */
    element?: unknown;
    property?: string;
    value?: unknown;
  }

  export interface ParseResult {
    rootElement: unknown;
    warnings: ParseWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<ParseResult>;
  }
}
