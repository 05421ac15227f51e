import { describe, expect, it } from 'vitest';
import { minifyLitTemplates, minifyTemplatePart } from '../../../scripts/minify-lit-templates.js';

describe('minifyTemplatePart', () => {
  it('should drop indentation but keep every line break of an html part', () => {
    expect(minifyTemplatePart('<div>\n    <span>a</span>\n\n    b\n  </div>', 'html')).toBe('<div>\n<span>a</span>\n\nb\n</div>');
  });

  it('should leave whitespace without a line break alone (it may be meaningful text)', () => {
    expect(minifyTemplatePart('<b>a</b> <i>b</i>  c', 'html')).toBe('<b>a</b> <i>b</i>  c');
  });

  it('should remove css comments and the whitespace around braces, semicolons and commas, on one line', () => {
    const css = '\n  /* why */\n  .a,\n  .b {\n    color: red;\n    /* why not */\n    font: 1rem a, b;\n  }\n';
    // The leading space is the stylesheet's start: minifyLitTemplates trims the ends of a whole template.
    expect(minifyTemplatePart(css, 'css')).toBe(' .a,.b{color:red;font:1rem a,b;}');
  });

  it('should keep one space where css whitespace separates two words, line break or not', () => {
    expect(minifyTemplatePart('.a\n  .b {\n  margin: 0\n    auto;\n  transition:\n    color 1s;\n}', 'css')).toBe(
      '.a .b{margin:0 auto;transition:color 1s;}',
    );
  });

  it("should remove a css comment with an apostrophe in it (it opens no string)", () => {
    expect(minifyTemplatePart("\n  /* the customer's language, the session's */\n  [a='b'] {\n    color: red;\n  }\n", 'css')).toBe(" [a='b']{color:red;}");
  });

  it('should keep quoted css strings byte for byte', () => {
    expect(minifyTemplatePart(".a { content: ' ; , { } '; font-family: \"A , B\" }", 'css')).toBe(
      ".a{content:' ; , { } ';font-family:\"A , B\"}",
    );
  });
});

describe('minifyLitTemplates', () => {
  const source = [
    "import { css, html } from 'lit';",
    'const styles = css`',
    '  :host {',
    '    display: block;',
    '  }',
    '`;',
    'const view = (name: string) => html`<p class="a">',
    '    Hello ${name.trim()}   ${`  keep  ${1}  `}',
    '  </p>`;',
    "const plain = `  untouched\n  `;",
  ].join('\n');

  it('should minify only tagged templates, never their expressions or other strings', () => {
    const out = minifyLitTemplates(source)!;
    expect(out).toContain('${name.trim()}');
    expect(out).toContain('${`  keep  ${1}  `}');
    expect(out).toContain('const plain = `  untouched\n  `;');
    // The stylesheet on one line, its line breaks after the closing backtick (JavaScript whitespace).
    expect(out).toContain('css`:host{display:block;}`\n\n\n\n;');
    expect(out).toContain('html`<p class="a">\nHello ${name.trim()}   ${');
  });

  it('should keep the number of lines, so source maps stay right', () => {
    expect(minifyLitTemplates(source)!.split('\n').length).toBe(source.split('\n').length);
  });

  it('should answer null for a module without templates', () => {
    expect(minifyLitTemplates('export const a = `x  \n  y`;')).toBeNull();
  });
});
