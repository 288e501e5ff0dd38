// Parses a vector file and keeps, for each vector, the JSON text of its `input` and
// whether that text has a number written with a fraction or exponent. JS has one
// number type (JSON.parse('2.0') === 2), so such inputs run through the text entry
// point, which sees exactly what the Rust runner's serde_json sees.

export function parseVectorFile(text) {
  const doc = JSON.parse(text);
  const spans = [];
  let i = 0;
  let depth = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  let floats = 0;
  function value() {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; depth++; ws();
      if (text[i] === '}') { i++; depth--; return; }
      for (;;) {
        ws();
        const kStart = i; string(); const key = JSON.parse(text.slice(kStart, i));
        ws(); i++; // ':'
        ws();
        const start = i; const f0 = floats;
        value();
        if (key === 'input' && depth === 3) spans.push({ raw: text.slice(start, i), floatLexeme: floats > f0 });
        ws();
        if (text[i++] === '}') { depth--; return; }
      }
    } else if (c === '[') {
      i++; depth++; ws();
      if (text[i] === ']') { i++; depth--; return; }
      for (;;) { value(); ws(); if (text[i++] === ']') { depth--; return; } }
    } else if (c === '"') {
      string();
    } else {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i, i + 400));
      if (!m) throw new Error(`unexpected ${c} at ${i}`);
      if (m[1] || m[2]) floats++;
      i += m[0].length;
    }
  }
  function string() {
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  }
  value();
  const vectors = Array.isArray(doc.vectors) ? doc.vectors : [];
  if (spans.length !== vectors.length) throw new Error(`found ${spans.length} inputs for ${vectors.length} vectors`);
  vectors.forEach((v, k) => { v.rawInput = spans[k].raw; v.floatLexeme = spans[k].floatLexeme; });
  return doc;
}
