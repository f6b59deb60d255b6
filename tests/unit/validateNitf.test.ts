import { describe, expect, it } from 'vitest';
import { checkWellFormed, schemaFiles, nitfXsdPath, validateNitf } from '../support/validateNitf';

// A small NITF document; its xml:lang comes from xml.xsd, which the main XSD imports.
const validNitf = `<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xml:lang="en">
  <head><title>Convoy reaches the town</title></head>
  <body>
    <body.head><hedline><hl1>Convoy reaches the town</hl1></hedline></body.head>
    <body.content>
      <p>The <org>Red Crescent</org> counted <num units="trucks">forty</num> trucks into <location>Douma</location>.</p>
    </body.content>
  </body>
</nitf>
`;

describe('NITF validation with xmllint-wasm', () => {
  it('loads the XSD with the files it imports and includes', () => {
    expect(schemaFiles(nitfXsdPath).map((file) => file.fileName)).toEqual(['nitf-3-6.xsd', 'xml.xsd', 'nitf-3-6-ruby-include.xsd']);
  });

  it('accepts a valid document that needs xml.xsd', () => {
    expect(validateNitf(validNitf)).toEqual({ valid: true, output: 'nitf.xml validates' });
  });

  it('knows the elements declared only in the ruby include', () => {
    const ruby = '<ruby xmlns="http://iptc.org/std/NITF/2006-10-18/"><rb>東京</rb><rt>Tōkyō</rt></ruby>';
    expect(validateNitf(ruby)).toEqual({ valid: true, output: 'nitf.xml validates' });
    expect(validateNitf(ruby.replace('<rt>Tōkyō</rt>', '')).valid).toBe(false);
  });

  it('reports a schema error for an element the XSD does not allow there', () => {
    const invalid = validNitf.replace('<org>Red Crescent</org>', '<org><p>Red Crescent</p></org>');
    const validation = validateNitf(invalid);
    expect(validation.valid).toBe(false);
    expect(validation.output).toMatch(/^nitf\.xml:7: .*Schemas validity error : Element '\{http:\/\/iptc\.org\/std\/NITF\/2006-10-18\/\}p': This element is not expected/m);
  });

  it('reports a schema error for an attribute the XSD does not declare', () => {
    const validation = validateNitf(validNitf.replace('<num units="trucks">', '<num units="trucks" bogus="x">'));
    expect(validation.valid).toBe(false);
    expect(validation.output).toMatch(/Schemas validity error : Element '\{[^}]+\}num', attribute 'bogus': The attribute 'bogus' is not allowed/);
  });

  it('refuses a document outside the NITF namespace', () => {
    const validation = validateNitf(validNitf.replace(' xmlns="http://iptc.org/std/NITF/2006-10-18/"', ''));
    expect(validation.valid).toBe(false);
    expect(validation.output).toMatch(/Element 'nitf': No matching global declaration available for the validation root/);
  });

  it('refuses a document that is not well-formed, with the parser error', () => {
    const validation = validateNitf(validNitf.replace('</body.content>', '</body.contents>'));
    expect(validation.valid).toBe(false);
    expect(validation.output).toMatch(/parser error : Opening and ending tag mismatch: body\.content/);
  });

  it('checks well-formedness alone without a schema', () => {
    expect(checkWellFormed('<anything><at>all</at></anything>')).toEqual({ valid: true, output: '' });
    const broken = checkWellFormed('<doc>\u0007</doc>');
    expect(broken.valid).toBe(false);
    expect(broken.output).toMatch(/PCDATA invalid Char value 7/);
  });
});
