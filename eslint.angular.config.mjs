// ESLint for Angular projects: the base rules (module boundaries) plus Angular's, with the `rl` prefix.
import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'rl',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'rl',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // Templates, in .html files and inline in components: every word shown goes through the
    // translation pipe (docs/i18n.md); names say so with translate="no" or a comment. The rule
    // is the workspace's own (tools/eslint-rules), offered by Nx's plugin as @nx/workspace-….
    files: ['**/*.html'],
    rules: {
      '@nx/workspace-no-untranslated-text': [
        'error',
        {
          // What people read: the HTML attributes, and the text inputs of the shared panel.
          attributes: [
            'alt',
            'aria-description',
            'aria-label',
            'aria-placeholder',
            'aria-roledescription',
            'aria-valuetext',
            'placeholder',
            'title',
            'heading',
            'subtitle',
            'errorMessage',
            'emptyText',
            'label',
          ],
        },
      ],
    },
  },
  {
    // Test hosts' templates (inline in specs) are not shown to anyone.
    files: ['**/*.spec.ts/*.html'],
    rules: { '@nx/workspace-no-untranslated-text': 'off' },
  },
];
