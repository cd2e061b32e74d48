/**
 * XML for the org's two XML APIs (the SOAP login and Bulk API 1.0): a strict, safe parse of request bodies
 * with fast-xml-parser, and the escaping and element writing of answers. Requests with a DTD are refused
 * before parsing: SOAP forbids them, Bulk never needs them, and refusing them rules out entity expansion.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A body that is not well-formed XML (or declares a DTD); `message` says where. */
export class XmlError extends Error {
  override name = 'XmlError';
}

const parser = new XMLParser({
  // Namespace prefixes (se:, soapenv:) are dropped: elements are matched by local name.
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Values stay strings: a password of digits must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
});

export type XmlNode = Record<string, unknown>;

/** The body parsed into plain objects (element name to text or child object; repeated elements as arrays). */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError('A DOCTYPE is not allowed in the request.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlError(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  return parser.parse(text) as XmlNode;
}

/** A child element of a parsed node (the first, if repeated), as an object or text. */
export function child(node: unknown, name: string): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An element's text content: a string element, or the text of an element with attributes. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && typeof (node as XmlNode)['#text'] === 'string') {
    return (node as XmlNode)['#text'] as string;
  }
  // An empty element (<state/>) parses as an empty string or an attribute-only object.
  if (typeof node === 'object' && node !== null) return '';
  return undefined;
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A value of an element list: text, a number or boolean (written as text), null (xsi:nil) or nested elements. */
export type XmlValue = string | number | boolean | null | XmlFields;
export type XmlFields = [string, XmlValue][];

/** Writes elements in the given order; a null value is written as `xsi:nil="true"`. */
export function xmlElements(fields: XmlFields): string {
  return fields
    .map(([name, value]) => {
      if (value === null) return `<${name} xsi:nil="true"/>`;
      if (Array.isArray(value)) return `<${name}>${xmlElements(value)}</${name}>`;
      return `<${name}>${escapeXml(String(value))}</${name}>`;
    })
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
