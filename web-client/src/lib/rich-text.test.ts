import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './rich-text';

describe('textToHtml', () => {
  it('makes a paragraph of each block of lines, keeping single line breaks', () => {
    expect(textToHtml('Un banc.\nDeux arbres.\n\n\nEt une fontaine.')).toBe('<p>Un banc.<br>Deux arbres.</p><p>Et une fontaine.</p>');
  });

  it('escapes what was typed, so markup shows as text', () => {
    expect(textToHtml('<script>alert("x")</script> & l\'été')).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;été</p>',
    );
  });

  it('gives nothing for blank text', () => {
    expect(textToHtml('  \n \r\n ')).toBe('');
  });
});

describe('htmlToText', () => {
  it('turns paragraphs and line breaks back into text', () => {
    expect(htmlToText('<p>Un banc.<br>Deux <strong>arbres</strong>.</p><p>Et une fontaine.</p>')).toBe(
      'Un banc.\nDeux arbres.\n\nEt une fontaine.',
    );
  });

  it('round-trips what textToHtml wrote', () => {
    const text = 'Première ligne\nseconde <ligne> & "guillemets"\n\nDernier paragraphe';
    expect(htmlToText(textToHtml(text))).toBe(text);
  });

  it('reads lists and headings as paragraphs', () => {
    expect(htmlToText('<h2>Titre</h2><ul><li>un</li><li>deux</li></ul>')).toBe('Titre\n\nun\n\ndeux');
  });
});
