/**
 * A routine's Markdown shown safely: `marked` only parses (its lexer), and the tokens become React
 * elements here. No HTML string is ever inserted, so raw HTML in a routine shows as text, links
 * open only http(s) and mailto addresses, and images show their alt text (nothing is fetched).
 */
import { Anchor, Blockquote, Code, Divider, List, Table, Text, Title, type TitleOrder } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { marked, type MarkedToken, type Token } from "marked";

const safeHref = (href: string) => (/^(https?:|mailto:)/i.test(href) ? href : null);

function inline(tokens: readonly Token[] | undefined): ReactNode {
  return (tokens ?? []).map((token, i) => <Fragment key={i}>{inlineToken(token as MarkedToken)}</Fragment>);
}

function inlineToken(token: MarkedToken): ReactNode {
  switch (token.type) {
    case "strong":
      return <strong>{inline(token.tokens)}</strong>;
    case "em":
      return <em>{inline(token.tokens)}</em>;
    case "del":
      return <del>{inline(token.tokens)}</del>;
    case "codespan":
      return <Code>{token.text}</Code>;
    case "br":
      return <br />;
    case "link": {
      const href = safeHref(token.href);
      return href ? (
        <Anchor href={href} target="_blank" rel="noopener noreferrer">
          {inline(token.tokens)}
        </Anchor>
      ) : (
        inline(token.tokens)
      );
    }
    case "image":
      return token.text;
    case "text":
      return "tokens" in token && token.tokens ? inline(token.tokens) : token.text;
    case "escape":
      return token.text;
    default:
      return token.raw;
  }
}

function block(tokens: readonly Token[], headingBase: number): ReactNode {
  return tokens.map((token, i) => (
    <Fragment key={i}>{blockToken(token as MarkedToken, headingBase)}</Fragment>
  ));
}

/** `headingBase`: the level of the text's top headings (the page's own h1 and h2 come first). */
function blockToken(token: MarkedToken, headingBase: number): ReactNode {
  switch (token.type) {
    case "heading":
      return (
        <Title order={Math.min(headingBase + token.depth - 1, 6) as TitleOrder} mt="md" mb="xs">
          {inline(token.tokens)}
        </Title>
      );
    case "paragraph":
      return <Text mb="sm">{inline(token.tokens)}</Text>;
    case "text":
      return "tokens" in token && token.tokens ? inline(token.tokens) : token.text;
    case "list":
      return (
        <List type={token.ordered ? "ordered" : "unordered"} mb="sm" spacing={4} withPadding>
          {token.items.map((item, i) => (
            <List.Item key={i}>{block(item.tokens, headingBase)}</List.Item>
          ))}
        </List>
      );
    case "blockquote":
      return <Blockquote mb="sm">{block(token.tokens, headingBase)}</Blockquote>;
    case "code":
      return (
        <Code block mb="sm">
          {token.text}
        </Code>
      );
    case "hr":
      return <Divider my="md" />;
    case "table":
      return (
        <Table mb="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {token.header.map((cell, i) => (
                <Table.Th key={i}>{inline(cell.tokens)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {token.rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, i) => (
                  <Table.Td key={i}>{inline(cell.tokens)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case "space":
    case "def":
      return null;
    case "html":
      return <Text mb="sm">{token.raw}</Text>;
    default:
      return inlineToken(token);
  }
}

export function Markdown({ source, headingBase = 2 }: { source: string; headingBase?: number }) {
  return <div>{block(marked.lexer(source), headingBase)}</div>;
}
