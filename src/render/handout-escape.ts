// Text typed by a person (the client's name) goes into markdown that may become HTML.
// It must come out as the same text, never as markup: every character that can open
// markdown or HTML syntax is backslash-escaped (CommonMark lets any ASCII punctuation be
// escaped). Rule-set text is the clinic's own and stays as written, except where a table
// cell needs its pipes escaped.
import { withoutControls } from '../text/escape.js';

/** Characters that can start emphasis, code, links, HTML, entities, tables, headings or
 * strikethrough, or turn text into a GFM autolink (`:` in "https://", `@` in an e-mail). */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()<>#!|~&:@]/g;
/** GFM also links a bare "www.": escaping its dot stops that. */
const BARE_WWW = /(www)\./gi;

/** One line of plain text, whitespace collapsed, safe to place anywhere inline. */
export function escapeMarkdown(text: string): string {
  return withoutControls(text.replace(/\s+/g, ' '))
    .trim()
    .replace(MARKDOWN_SYNTAX, '\\$&')
    .replace(BARE_WWW, '$1\\.');
}

/** Rule-set text inside a table cell: one line, pipes escaped. */
export function tableCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/** Text for an HTML text node or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
