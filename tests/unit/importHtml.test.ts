import { ApiError } from '../../common/api';
import { describe, expect, it } from 'vitest';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { parseImportedFile, type ImportedArticle } from '../../main/formats/importFile';

interface Block {
  type: string;
  text: string;
  credit: string;
}

async function importHtml(html: string, fileName = 'page.html'): Promise<{ article: ImportedArticle; blocks: Block[] }> {
  const article = await parseImportedFile(fileName, new TextEncoder().encode(html));
  const blocks = articleText(parseArticleDocument(article.doc)).blocks.map(({ type, text, credit }) => ({ type, text, credit }));
  return { article, blocks };
}

const page = (body: string, head = '<title>Site title</title>'): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('HTML import: safety', () => {
  it('never lets scripts, styles, event handlers or javascript: links through', async () => {
    const hostile = page(
      `<article><h1 onclick="steal()">Talks <b onmouseover="steal()">stall</b></h1>
       <p>Negotiators met.<script>alert('script')</script><img src="x" onerror="alert('onerror')"></p>
       <p><a href="javascript:alert('link')">Read more</a> on <span style="color:red">Sunday</span>.</p>
       <style>p { background: url(javascript:alert('style')) }</style>
       <iframe src="https://evil.example/"><p>iframe fallback</p></iframe>
       <svg><script>alert('svg')</script><text>svg text</text></svg>
       <noscript><p>noscript text</p></noscript><template><p>template text</p></template></article>`,
      `<script>alert('head')</script><style>body{}</style><title>T</title>`,
    );
    const { article, blocks } = await importHtml(hostile);
    const json = JSON.stringify(article.doc);
    for (const banned of ['alert', 'steal', 'onerror', 'onclick', 'javascript', 'color:red', 'background', 'iframe', 'svg text', 'noscript', 'template text']) {
      expect(json).not.toContain(banned);
    }
    expect(blocks.map((block) => block.text)).toEqual(['Talks stall', 'Negotiators met.', 'Read more on Sunday.']);
  });
});

describe('HTML import: main content', () => {
  it('takes the <article> and drops the page chrome around it', async () => {
    const { blocks } = await importHtml(
      page(`<header><h1>Site name</h1><nav><p>Home</p></nav></header>
        <aside><p>Most read</p></aside>
        <article><h1>Talks stall</h1><p>Negotiators met on Sunday.</p></article>
        <footer><p>Copyright</p></footer>`),
    );
    expect(blocks.map((block) => block.text)).toEqual(['Talks stall', 'Negotiators met on Sunday.']);
  });

  it('keeps the article\'s own header, drops its nav and aside, and picks the longest of several articles', async () => {
    const { blocks } = await importHtml(
      page(`<article><h2>Related</h2><p>Short teaser.</p></article>
        <article><header><h1>Talks stall</h1><p class="standfirst">The siege enters its fourth week.</p></header>
        <nav><p>Share</p></nav><p>Negotiators met on Sunday in the town hall for several hours.</p><aside><p>Read also</p></aside></article>`),
    );
    expect(blocks).toEqual([
      { type: 'headline', text: 'Talks stall', credit: '' },
      { type: 'standfirst', text: 'The siege enters its fourth week.', credit: '' },
      { type: 'paragraph', text: 'Negotiators met on Sunday in the town hall for several hours.', credit: '' },
    ]);
  });

  it('falls back to <main>, and without either to the page minus header, footer, nav and aside', async () => {
    const withMain = await importHtml(page('<header><p>Brand</p></header><main><h1>Headline</h1><p>Body.</p></main><footer><p>Legal</p></footer>'));
    expect(withMain.blocks.map((block) => block.text)).toEqual(['Headline', 'Body.']);
    const bare = await importHtml(page('<header><p>Brand</p></header><div><h1>Headline</h1><p>Body.</p></div><footer><p>Legal</p></footer>'));
    expect(bare.blocks.map((block) => block.text)).toEqual(['Headline', 'Body.']);
  });
});

describe('HTML import: structure', () => {
  it('maps h1 to the headline, other headings to subheads, figcaption to captions, p to paragraphs', async () => {
    const { article, blocks } = await importHtml(
      page(`<article><h1>Talks &amp; truce</h1><p>First &lt;para&gt;.</p><h2>Second</h2><h3>Third</h3><h6>Sixth</h6>
        <figure><img src="a.jpg" alt="ignored"><figcaption>Smoke over the town on Sunday. (AP)</figcaption></figure>
        <figure><figcaption data-credit="Jane Doe/Reuters">Our own export's caption</figcaption></figure>
        <h1>Another h1</h1><p>Last.</p></article>`),
    );
    expect(article.title).toBe('Talks & truce');
    expect(blocks).toEqual([
      { type: 'headline', text: 'Talks & truce', credit: '' },
      { type: 'paragraph', text: 'First <para>.', credit: '' },
      { type: 'subhead', text: 'Second', credit: '' },
      { type: 'subhead', text: 'Third', credit: '' },
      { type: 'subhead', text: 'Sixth', credit: '' },
      { type: 'caption', text: 'Smoke over the town on Sunday.', credit: 'AP' },
      { type: 'caption', text: "Our own export's caption", credit: 'Jane Doe/Reuters' },
      { type: 'subhead', text: 'Another h1', credit: '' },
      { type: 'paragraph', text: 'Last.', credit: '' },
    ]);
  });

  it('reads this app\'s own block classes, lists with their markers, loose text and line breaks', async () => {
    const { article, blocks } = await importHtml(
      page(`<article><h1 class="block-headline">Title</h1><p class="block-standfirst">Stand.</p>
        <div>Loose <em>text</em></div><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><ol><li>first</li><li><p>second</p></li></ol>
        <p>Line<br>break</p><p class="block-credit">Source: Wire agencies</p></article>`),
    );
    expect(blocks.slice(1)).toEqual([
      { type: 'standfirst', text: 'Stand.', credit: '' },
      { type: 'paragraph', text: 'Loose text', credit: '' },
      { type: 'paragraph', text: '• one', credit: '' },
      { type: 'paragraph', text: '• two', credit: '' },
      { type: 'paragraph', text: '• nested', credit: '' },
      { type: 'paragraph', text: '1. first', credit: '' },
      { type: 'paragraph', text: '2. second', credit: '' },
      { type: 'paragraph', text: 'Line break', credit: '' },
      { type: 'credit', text: 'Source: Wire agencies', credit: '' },
    ]);
    expect(article.source).toBe('Wire agencies');
  });

  it('collapses HTML whitespace but keeps a no-break space the copy meant', async () => {
    const { blocks } = await importHtml(page('<article><h1>T</h1><p>  10&nbsp;km \n\t from   the town </p></article>'));
    expect(blocks[1]?.text).toBe('10\u00a0km from the town');
  });

  it('reads a closing source line as a credit and a caption pair as one caption, as in plain text', async () => {
    const caption = 'Negotiators arrive at the town hall on Sunday morning.';
    const { blocks } = await importHtml(page(`<article><h1>T</h1><p>Body.</p><p>${caption}</p><p>${caption} (AFP)</p><p>Source: Agencies</p></article>`));
    expect(blocks.slice(1)).toEqual([
      { type: 'paragraph', text: 'Body.', credit: '' },
      { type: 'caption', text: caption, credit: 'AFP' },
      { type: 'credit', text: 'Source: Agencies', credit: '' },
    ]);
  });

  it('takes the title from <title> without an h1, and proposes one without either', async () => {
    const titled = await importHtml(page('<p>Negotiators met on Sunday.</p>', '<title>Page title</title>'), 'page.htm');
    expect(titled.article.title).toBe('Page title');
    const untitled = await importHtml(page('<p>Negotiators met on Sunday, officials said.</p>', ''));
    expect(untitled.article.title).toBe('Negotiators met on Sunday, officials said');
  });

  it('refuses a page with no article text, naming the file', async () => {
    const error = await parseImportedFile('empty.html', new TextEncoder().encode(page('<script>alert(1)</script><nav><p>Menu</p></nav>', ''))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('"empty.html" contains no article text to import.');
  });

  it('refuses a page that is not valid UTF-8', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<p>caf'), 0xe9, ...new TextEncoder().encode('</p>')]);
    await expect(parseImportedFile('latin1.html', bytes)).rejects.toThrow(/"latin1\.html" is not valid UTF-8 text/);
  });
});
