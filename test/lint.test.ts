/**
 * The lint rule that keeps page and user text from becoming markup (issue #7) really fires: each HTML
 * sink in shipped code is an error, and the same text in a test file is left alone.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

const SINKS = [
  'el.innerHTML = text;',
  "el['innerHTML'] = text;",
  'el.outerHTML = text;',
  "el.insertAdjacentHTML('beforeend', text);",
  'document.createRange().createContextualFragment(text);',
  'document.write(text);',
  "h('div', { dangerouslySetInnerHTML: { __html: text } });",
];

describe('eslint: no HTML sinks in shipped code', () => {
  it('flags every sink under utils/, components/ and entrypoints/', async () => {
    for (const dir of ['utils', 'components', 'entrypoints/content']) {
      for (const line of SINKS) {
        const code = `declare const el: HTMLElement; declare const text: string; declare const h: any;\n${line}\n`;
        const [result] = await eslint.lintText(code, { filePath: `${dir}/example.ts` });
        expect(result!.messages.map((m) => m.ruleId), `${dir}: ${line}`).toContain('no-restricted-syntax');
      }
    }
    const [jsx] = await eslint.lintText('export const A = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n', {
      filePath: 'components/Example.tsx',
    });
    expect(jsx!.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });

  it('allows text and nodes', async () => {
    const [result] = await eslint.lintText('declare const el: HTMLElement; el.textContent = "x"; el.append(document.createElement("b"));\n', {
      filePath: 'utils/example.ts',
    });
    expect(result!.messages).toEqual([]);
  });
}, 60_000);
