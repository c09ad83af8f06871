// Finds a piece of TypeScript in a file by its tokens, not its characters, so that a mutation still finds its code
// after the formatter moved it: whitespace and line breaks are ignored, a string is compared by its value (quote
// style does not matter), a trailing comma before a closing bracket is ignored, comments are kept (normalised), so
// two otherwise equal statements can be told apart by the rule comment above them.
import ts from 'typescript';

const CLOSERS = new Set([ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken]);
const STRINGS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);
/** After these a `/` divides; elsewhere it starts a regular expression. */
const ENDS_EXPRESSION = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.ThisKeyword,
]);

/**
 * The tokens of `text`: `{ key, start, end }`, where `key` is what two equal tokens share whatever their spelling.
 * Template literals are scanned as the parser does (the `}` closing a substitution rescans the template's rest).
 */
export function tokensOf(text) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard, text);
  const raw = [];
  const braces = []; // 'template' for `${`, 'brace' for `{`
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.WhitespaceTrivia || kind === ts.SyntaxKind.NewLineTrivia) continue;
    if (kind === ts.SyntaxKind.TemplateHead) braces.push('template');
    else if (kind === ts.SyntaxKind.OpenBraceToken) braces.push('brace');
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') {
      kind = scanner.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    } else if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !ENDS_EXPRESSION.has(raw.at(-1)?.kind)) {
      kind = scanner.reScanSlashToken();
    }
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    const source = text.slice(start, end);
    let key;
    if (STRINGS.has(kind)) key = `${kind}:${JSON.stringify(scanner.getTokenValue())}`;
    else if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia)
      key = `comment:${source.replace(/\s+/g, ' ').trim()}`;
    else key = `${kind}:${source}`;
    raw.push({ kind, key, start, end });
  }
  // A comma right before a closing bracket is the formatter's choice, not the code's; so is one that ends a fragment.
  return raw.map((token, i) => ({ ...token, optional: token.kind === ts.SyntaxKind.CommaToken && (i === raw.length - 1 || CLOSERS.has(raw[i + 1].kind)) }));
}

/** The end offset of `needle` matched at `haystack[at]`, or -1; an optional comma on either side may be missing on the other. */
function matchAt(haystack, at, needle) {
  let h = at;
  let end = -1;
  for (let n = 0; n < needle.length;) {
    if (haystack[h]?.key === needle[n].key) {
      end = haystack[h].end;
      h += 1;
      n += 1;
    } else if (haystack[h]?.optional && n > 0) h += 1;
    else if (needle[n].optional) n += 1;
    else return -1;
  }
  return end;
}

/** Every place where the tokens of `fragment` stand in `text`, as `{ start, end }` character offsets of `text`. */
export function findTokens(text, fragment) {
  const haystack = tokensOf(text);
  const needle = tokensOf(fragment);
  if (needle.length === 0) throw new Error('an empty fragment matches nothing');
  const found = [];
  for (let i = 0; i < haystack.length; i += 1) {
    const end = haystack[i].key === needle[0].key ? matchAt(haystack, i, needle) : -1;
    if (end >= 0) found.push({ start: haystack[i].start, end });
  }
  return found;
}
