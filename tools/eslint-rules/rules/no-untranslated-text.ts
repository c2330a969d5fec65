/**
 * Fails on words an Angular template shows without translating them: a text node, or the value of
 * an attribute people read (`title`, `aria-label`, `placeholder`, `alt`, …), that holds letters and
 * does not come through the translation pipe (`{{ 'key' | transloco }}`) or a function called in
 * the template (`{{ headline() }}`, whose text is the component's business — translated there).
 *
 * Words that must stay as written — the product's name, a unit, a sample file name — say so where
 * they stand, either with HTML's own `translate="no"` on the element (the whole element is then
 * left alone, as browsers' page translators leave it) or with a comment giving the reason right
 * before the element or the text:
 *
 *   <!-- untranslated: the product's name --> Returnlens
 *
 * Text without letters (numbers, "⋯", "—", "×", "%", arrows) needs neither. The walk over Angular's
 * template tree follows @angular-eslint/template's own `i18n` rule, which checks Angular's
 * compile-time i18n attributes instead of a runtime translation library.
 */
import {
  ASTWithSource,
  Binary,
  Conditional,
  Interpolation,
  LiteralPrimitive,
  ParenthesizedExpression,
  TemplateLiteral,
} from '@angular-eslint/bundled-angular-compiler';
import type { Rule } from 'eslint';

/** A letter in any script: Latin, Cyrillic, Hebrew, … */
const LETTER = /\p{L}/u;
/** The opt-out comment must give its reason: `<!-- untranslated: the brand name -->`. */
const OPT_OUT_COMMENT = /<!--\s*untranslated:\s*\S(?:(?!-->)[^])*-->\s*$/;

const DEFAULT_ATTRIBUTES = [
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'title',
];
/** Elements that show code, field names or keys as they are. */
const DEFAULT_IGNORED_TAGS = ['code', 'kbd', 'samp'];

export const RULE_NAME = 'no-untranslated-text';

/* eslint-disable @typescript-eslint/no-explicit-any -- Angular's template nodes, as the template parser hands them over */
export const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Text and readable attributes of Angular templates go through the translation pipe',
    },
    schema: [
      {
        type: 'object',
        properties: {
          attributes: { type: 'array', items: { type: 'string' } },
          ignoreTags: { type: 'array', items: { type: 'string' } },
          allow: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      text: 'Untranslated text "{{text}}": show a message through the transloco pipe, or mark a name (translate="no", <!-- untranslated: reason -->).',
      attribute:
        'Untranslated {{name}} "{{text}}": bind it to a message through the transloco pipe, or mark a name (translate="no").',
    },
  },

  create(context) {
    const options = context.options[0] ?? {};
    const attributes = new Set(options.attributes ?? DEFAULT_ATTRIBUTES);
    const ignoredTags = new Set(options.ignoreTags ?? DEFAULT_IGNORED_TAGS);
    const allowed = new Set(options.allow ?? []);
    const source = context.sourceCode.text;

    /** Words someone reads: letters, and not one of the configured exceptions. */
    const isWords = (text: string) => {
      const trimmed = text.replace(/\s+/g, ' ').trim();
      return LETTER.test(trimmed) && !allowed.has(trimmed);
    };

    /** Right after `<!-- untranslated: … -->` (blank space between them allowed). */
    const followsOptOutComment = (node: any) => {
      const start = node.sourceSpan?.start?.offset;
      return typeof start === 'number' && OPT_OUT_COMMENT.test(source.slice(0, start));
    };

    /** Left alone: inside `translate="no"`, a code-like element, or after the opt-out comment. */
    const exempt = (node: any) => {
      const chain = [node, ...context.sourceCode.getAncestors(node).reverse()];
      return chain.some(
        (ancestor) =>
          followsOptOutComment(ancestor) ||
          (ancestor.type === 'Element' &&
            (ignoredTags.has(ancestor.name) ||
              ancestor.attributes?.some(
                (attribute: any) => attribute.name === 'translate' && attribute.value === 'no',
              ))),
      );
    };

    /**
     * The string constants an expression shows as they are — the whole expression, a branch of
     * `a ? 'x' : 'y'`, a side of `+`, `??` or `||` — not the ones handed to a pipe or a function
     * (message keys) or compared (`mode === 'light'`).
     */
    const shownConstants = (ast: any): string[] => {
      if (!ast) return [];
      if (ast instanceof ASTWithSource) return shownConstants(ast.ast);
      if (ast instanceof ParenthesizedExpression) return shownConstants(ast.expression);
      if (ast instanceof LiteralPrimitive) return typeof ast.value === 'string' ? [ast.value] : [];
      if (ast instanceof TemplateLiteral) {
        return ast.elements.map((element: any) => element.text);
      }
      if (ast instanceof Conditional) {
        return [...shownConstants(ast.trueExp), ...shownConstants(ast.falseExp)];
      }
      if (ast instanceof Binary && ['+', '??', '||'].includes(ast.operation)) {
        return [...shownConstants(ast.left), ...shownConstants(ast.right)];
      }
      if (ast instanceof Interpolation) return ast.expressions.flatMap(shownConstants);
      return [];
    };

    const report = (node: any, messageId: string, text: string, name = '') => {
      if (exempt(node)) return;
      const shown = text.replace(/\s+/g, ' ').trim();
      context.report({
        node: node as Rule.Node,
        messageId,
        data: { text: shown.length > 40 ? `${shown.slice(0, 39)}…` : shown, name },
      });
    };

    return {
      Text(node: any) {
        if (isWords(node.value)) report(node, 'text', node.value);
      },
      /** `Total: {{ count }}`: the words around the values, and constants shown as they are. */
      BoundText(node: any) {
        const interpolation = node.value?.ast;
        const words = [
          (interpolation?.strings ?? []).join(' '),
          ...shownConstants(interpolation),
        ].filter(isWords);
        if (words.length) report(node, 'text', words.join(' '));
      },
      /** `title="Close"` */
      TextAttribute(node: any) {
        if (node.parent?.type !== 'Element' && node.parent?.type !== 'Template') return;
        if (attributes.has(node.name) && isWords(node.value)) {
          report(node, 'attribute', node.value, node.name);
        }
      },
      /** `[title]="open ? 'Close' : 'Open'"` */
      BoundAttribute(node: any) {
        if (!attributes.has(node.name)) return;
        const words = shownConstants(node.value).filter(isWords);
        if (words.length) report(node, 'attribute', words.join(' '), node.name);
      },
    };
  },
};
