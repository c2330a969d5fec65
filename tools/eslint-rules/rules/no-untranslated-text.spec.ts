import * as templateParser from '@angular-eslint/template-parser';
import { RuleTester } from 'eslint';
import { rule, RULE_NAME } from './no-untranslated-text';

const ruleTester = new RuleTester({ languageOptions: { parser: templateParser } });

ruleTester.run(RULE_NAME, rule, {
  valid: [
    // Messages through the pipe, with values and in attributes.
    `<h1>{{ 'weekly.title' | transloco }}</h1>`,
    `<p>{{ 'weekly.count' | transloco: { count: rows().length } }}</p>`,
    `<button [attr.aria-label]="'app.openMenu' | transloco" [title]="themeLabel() | transloco">☰</button>`,
    `<span>{{ 'nav.' + item.path + '.label' | transloco }}</span>`,
    `<span>{{ open() ? ('app.close' | transloco) : ('app.open' | transloco) }}</span>`,
    // Text the component writes (already translated there) and names from the data.
    `<p class="headline">{{ headline() }}</p>`,
    `<bdi>{{ supplier.name }}</bdi>`,
    // No letters: numbers, symbols, punctuation.
    `<span aria-hidden="true">⋯</span> <span>—</span> <b>×</b> <i>42 %</i> <span>↺ ☾ ☀ →</span>`,
    `<span>{{ share | percent }} · {{ total }}</span>`,
    // Constants that are compared or handed to functions, not shown.
    `<p [class.dark]="theme() === 'dark'">{{ label(mode === 'light') }}</p>`,
    // Attributes nobody reads.
    `<a class="brand" routerLink="/weekly" data-testid="nav-link" href="/x">{{ 'app.home' | transloco }}</a>`,
    `<input type="email" autocomplete="username" name="email" />`,
    // Opt-outs: HTML's translate="no" and a comment with its reason.
    `<a class="brand"><span class="logo">↺</span> <span translate="no">Returnlens</span></a>`,
    `<div translate="no"><h2>Returnlens</h2><p title="Returnlens">Returnlens</p></div>`,
    `<a class="brand"><span>↺</span> <!-- untranslated: the product's name --> Returnlens</a>`,
    `<!-- untranslated: sample addresses -->
     <textarea placeholder="name@example.com"></textarea>`,
    // Code and keys shown as they are.
    `<p>{{ 'data.columns' | transloco }} <code>supplier_name</code> <kbd>Ctrl</kbd></p>`,
    // Configured exceptions.
    { code: `<abbr>SLA</abbr>`, options: [{ allow: ['SLA'] }] },
    // Attributes outside the configured list.
    { code: `<rl-panel heading="Pareto"></rl-panel>`, options: [{ attributes: ['title'] }] },
  ],
  invalid: [
    {
      code: `<h1>Weekly report</h1>`,
      errors: [
        { messageId: 'text', data: { text: 'Weekly report', name: '' }, line: 1, column: 5 },
      ],
    },
    // Any script, not only English.
    { code: `<p>Недельный отчёт</p>`, errors: [{ messageId: 'text' }] },
    // Words around an interpolated value.
    {
      code: `<p>Total: {{ count() }} claims</p>`,
      errors: [{ messageId: 'text', data: { text: 'Total: claims', name: '' } }],
    },
    // Constants shown as they are, in a condition or a fallback.
    {
      code: `<span>{{ open() ? 'Close' : 'Open' }}</span>`,
      errors: [{ messageId: 'text', data: { text: 'Close Open', name: '' } }],
    },
    {
      code: `<span>{{ supplier.name ?? 'Unknown supplier' }}</span>`,
      errors: [{ messageId: 'text', data: { text: 'Unknown supplier', name: '' } }],
    },
    // Readable attributes, plain and bound.
    {
      code: `<button aria-label="Close" title="Close the drawer">×</button>`,
      errors: [
        { messageId: 'attribute', data: { name: 'aria-label', text: 'Close' } },
        { messageId: 'attribute', data: { name: 'title', text: 'Close the drawer' } },
      ],
    },
    {
      code: `<input [placeholder]="'Search suppliers'" />`,
      errors: [{ messageId: 'attribute', data: { name: 'placeholder', text: 'Search suppliers' } }],
    },
    {
      code: `<img alt="Logo" src="/logo.svg" /><span [attr.aria-label]="busy ? 'Loading' : label()"></span>`,
      errors: [
        { messageId: 'attribute', data: { name: 'alt', text: 'Logo' } },
        { messageId: 'attribute', data: { name: 'aria-label', text: 'Loading' } },
      ],
    },
    // Inside control flow blocks.
    {
      code: `@if (empty()) { <p>No claims in this period.</p> } @else { {{ 'x' | transloco }} }`,
      errors: [{ messageId: 'text' }],
    },
    // A comment without its reason, a comment before another element, or translate="yes".
    {
      code: `<!-- untranslated --> <span>Returnlens</span>`,
      errors: [{ messageId: 'text' }],
    },
    {
      code: `<!-- untranslated: the name --> <span>Returnlens</span> <span>Menu</span>`,
      errors: [{ messageId: 'text', data: { text: 'Menu', name: '' } }],
    },
    {
      code: `<!-- untranslated: the name --> <!-- layout --> <p>Menu</p>`,
      errors: [{ messageId: 'text' }],
    },
    { code: `<span translate="yes">Menu</span>`, errors: [{ messageId: 'text' }] },
    // The configured attribute list replaces the default one.
    {
      code: `<rl-panel heading="Pareto of causes" title="x1"></rl-panel>`,
      options: [{ attributes: ['heading'] }],
      errors: [{ messageId: 'attribute', data: { name: 'heading', text: 'Pareto of causes' } }],
    },
  ],
});
