import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice';
import type { MessageView } from './message-content';

export interface RenderedEmail {
  html: string;
  text: string;
}

/**
 * Renders the HTML and text bodies from templates/ with Handlebars (which escapes `{{x}}`), then
 * inlines the CSS with juice because many mail clients drop `<style>`.
 */
export function createEmailRenderer(templatesDir: string) {
  const read = (name: string) => fs.readFileSync(path.join(templatesDir, name), 'utf8');
  const engine = Handlebars.create();
  const html = engine.compile(read('email.html.hbs'), { strict: false });
  const css = engine.compile(read('email.css'));
  // Plain text is not HTML: no entity escaping there (nothing in it is interpreted).
  const text = engine.compile(read('email.txt.hbs'), { noEscape: true });
  return (view: MessageView): RenderedEmail => {
    const styled = html({ ...view, css: css({ brandColor: view.brandColor }) });
    return { html: juice(styled, { removeStyleTags: true, preserveMediaQueries: false }), text: text(view).replace(/\n{3,}/g, '\n\n') };
  };
}
