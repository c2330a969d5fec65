/**
 * The workspace's own ESLint rules. Nx's ESLint plugin loads this file and offers each rule as
 * `@nx/workspace-<name>` (eslint.angular.config.mjs turns them on).
 */
import {
  RULE_NAME as noUntranslatedTextName,
  rule as noUntranslatedText,
} from './rules/no-untranslated-text';

module.exports = {
  rules: { [noUntranslatedTextName]: noUntranslatedText },
};
