// Jest for the Angular projects (zoneless, jest-preset-angular): one definition, used by
// each project's jest.config.cts as `angularJestConfig(name, __dirname)`.
const { join, relative } = require('node:path');

module.exports = function angularJestConfig(displayName, projectDir) {
  return {
    displayName,
    preset: join(__dirname, 'jest.preset.js'),
    setupFilesAfterEnv: [join(__dirname, 'jest.angular.setup.ts')],
    coverageDirectory: join(__dirname, 'coverage', relative(__dirname, projectDir)),
    transform: {
      '^.+\\.(ts|mjs|js|html)$': [
        'jest-preset-angular',
        {
          tsconfig: join(projectDir, 'tsconfig.spec.json'),
          stringifyContentPathRegex: '\\.(html|svg)$',
        },
      ],
    },
    // Angular packages ship .mjs; Transloco (@jsverse/*) and FormatJS's message format
    // (intl-messageformat, @formatjs/*) ship ESM in .js.
    transformIgnorePatterns: [
      'node_modules/(?!(.*\\.mjs$|@jsverse/|intl-messageformat/|@formatjs/))',
    ],
    snapshotSerializers: [
      'jest-preset-angular/build/serializers/no-ng-attributes',
      'jest-preset-angular/build/serializers/ng-snapshot',
      'jest-preset-angular/build/serializers/html-comment',
    ],
  };
};
