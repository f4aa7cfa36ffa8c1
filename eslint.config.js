// ESLint 9 flat config. One job: no HTML parsing of strings in shipped code, where page or user text
// could end up as markup (issue #7). Tests and E2E fixtures build HTML strings on purpose and are not
// linted here. Type-checking is tsc's job (`npm run typecheck`).
import tseslint from 'typescript-eslint';

const NO_HTML_SINKS = [
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'No innerHTML/outerHTML assignment: build nodes and set textContent (page and user text must never become markup).',
  },
  {
    selector: "AssignmentExpression > MemberExpression.left[computed=true][property.value=/^(innerHTML|outerHTML)$/]",
    message: 'No innerHTML/outerHTML assignment: build nodes and set textContent.',
  },
  {
    selector: "MemberExpression[property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]",
    message: 'No HTML-string insertion: build nodes and set textContent.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'No document.write.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text as children.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text as children.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/**', 'e2e/**', 'bench/**'] },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-syntax': ['error', ...NO_HTML_SINKS],
      // No remote or generated code either (store policy; README: "no remote code").
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
);
