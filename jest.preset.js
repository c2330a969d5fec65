const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

// vader-sentiment ships its lexicon (read by @returnlens/shared/text) as an ES module in a
// CommonJS package, which Jest cannot require on Node 20: that directory is compiled too
// (ts-jest with tools/scripts/tsconfig.jest-esm.json: allowJs, to CommonJS).
const VADER_SOURCES = 'node_modules[\\\\/]vader-sentiment[\\\\/]src[\\\\/]';
// FormatJS's ICU message format (intl-messageformat, @formatjs/*, read by @returnlens/shared/i18n)
// is ES modules only: compiled the same way.
const FORMATJS_SOURCES = 'node_modules[\\\\/](intl-messageformat|@formatjs[\\\\/][^\\\\/]+)[\\\\/]';

module.exports = {
  ...nxPreset,
  transform: {
    [`${VADER_SOURCES}.+\\.js$`]: [
      'ts-jest',
      { tsconfig: join(__dirname, 'tools/scripts/tsconfig.jest-esm.json') },
    ],
    [`${FORMATJS_SOURCES}.+\\.js$`]: [
      'ts-jest',
      { tsconfig: join(__dirname, 'tools/scripts/tsconfig.jest-esm.json') },
    ],
    ...nxPreset.transform,
  },
  transformIgnorePatterns: [
    `/node_modules/(?!vader-sentiment[\\\\/]src[\\\\/]|intl-messageformat[\\\\/]|@formatjs[\\\\/])`,
    '\\.pnp\\.[^\\/]+$',
  ],
  reporters: ['default', join(__dirname, 'tools/scripts/jest-summary-reporter.cjs')],
};
