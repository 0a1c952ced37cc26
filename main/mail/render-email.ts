import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice';
import type { MessageView } from './message-content';

export interface RenderedEmail {
  html: string;
  text: string;
}

/** Moves the `<style>` rules of an HTML document onto its elements (juice's signature). */
export type CssInliner = (html: string) => string;

const inlineWithJuice: CssInliner = (html) => juice(html, { removeStyleTags: true, preserveMediaQueries: false });

/** Where the HTML template takes its stylesheet; filled in before the CSS is inlined. */
const cssSlot = '{{{css}}}';
/** Brand colours come validated as #rrggbb; anything else must never reach template source. */
const safeColor = /^#[0-9a-fA-F]{6}$/;

/**
 * Renders the HTML and text bodies from templates/ with Handlebars (which escapes `{{x}}`), with
 * the CSS inlined because many mail clients drop `<style>`. Inlining (juice) costs milliseconds per
 * document, so it runs once per brand colour on the template itself (juice keeps `{{…}}` blocks as
 * they are), and each message only fills the inlined template: the same bytes as inlining every
 * rendered message, because values are escaped text that inlining never changes.
 */
export function createEmailRenderer<View extends { brandColor: string } = MessageView>(
  templatesDir: string,
  inline: CssInliner = inlineWithJuice,
  /** The template pair `<name>.html.hbs` and `<name>.txt.hbs`; every pair shares `email.css`, the brand. */
  name = 'email',
) {
  const read = (file: string) => fs.readFileSync(path.join(templatesDir, file), 'utf8');
  const engine = Handlebars.create();
  const htmlSource = read(`${name}.html.hbs`);
  if (htmlSource.split(cssSlot).length !== 2) throw new Error(`${name}.html.hbs must hold ${cssSlot} exactly once`);
  const css = engine.compile(read('email.css'));
  // Plain text is not HTML: no entity escaping there (nothing in it is interpreted).
  const text = engine.compile(read(`${name}.txt.hbs`), { noEscape: true });
  const htmlByColor = new Map<string, HandlebarsTemplateDelegate<View>>();
  const htmlFor = (brandColor: string) => {
    let html = htmlByColor.get(brandColor);
    if (!html) {
      if (!safeColor.test(brandColor)) throw new Error('The brand colour must be a colour like #1a73e8.');
      html = engine.compile(inline(htmlSource.replace(cssSlot, () => css({ brandColor }))), { strict: false });
      if (htmlByColor.size >= 16) htmlByColor.clear(); // a few colours in a session; never grows without bound
      htmlByColor.set(brandColor, html);
    }
    return html;
  };
  return (view: View): RenderedEmail => ({
    html: htmlFor(view.brandColor)(view),
    text: text(view).replace(/\n{3,}/g, '\n\n'),
  });
}
