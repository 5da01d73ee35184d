import type { Report } from '../types.ts';
import { renderJson, renderJsonChunks } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderSarif } from './sarif.ts';
import { renderText } from './text.ts';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color?: boolean;
  /** Absolute path of the reviewed directory (SARIF's %SRCROOT%). */
  root?: string;
}

export function render(report: Report, format: Format, opts: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'markdown':
      return renderMarkdown(report);
    default:
      return renderText(report, opts.color === true);
  }
}

/** render() as pieces to write in order (a JSON report of any size is never one string). */
export function renderPieces(report: Report, format: Format, opts: RenderOptions = {}): string[] {
  return format === 'json' ? renderJsonChunks(report) : [render(report, format, opts)];
}
