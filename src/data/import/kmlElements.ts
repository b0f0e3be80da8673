import type { Element, Node } from '@xmldom/xmldom';

/*
 * Element lookup for KML that ignores namespace prefixes: files say <kml:Placemark>,
 * <Placemark> in the KML 2.2 namespace (OGC 07-147r2), or in the older Google 2.0/2.1 ones.
 */

const ELEMENT_NODE = 1;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;

/** Direct child elements, optionally only those with a given local name. */
export function childElements(parent: Element, localName?: string): Element[] {
  const children: Element[] = [];
  for (let index = 0; index < parent.childNodes.length; index++) {
    const node = parent.childNodes.item(index);
    if (node && isElement(node) && (localName === undefined || node.localName === localName)) children.push(node);
  }
  return children;
}

export function firstChild(parent: Element, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/** The text of a direct child element, as text: CDATA and entities read, markup never interpreted. */
export function childText(parent: Element, localName: string): string | undefined {
  const child = firstChild(parent, localName);
  return child ? (child.textContent ?? '') : undefined;
}
