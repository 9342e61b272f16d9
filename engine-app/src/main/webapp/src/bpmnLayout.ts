import { layoutProcess } from 'bpmn-auto-layout'

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL'

/**
 * Shipped processes carry no diagram interchange (DI): the diagram viewer and the designer studio lay them out
 * (bpmn-auto-layout) before showing or editing them. Flowable files name a flow's ends only on the flow; the layouter follows
 * <incoming>/<outgoing> on the nodes, so those are added first.
 */
export async function withDiagram(xml: string): Promise<string> {
  if (/BPMNDiagram/.test(xml)) return xml
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  const byId = new Map<string, Element>()
  for (const el of Array.from(doc.getElementsByTagNameNS(BPMN, '*'))) {
    const id = el.getAttribute('id')
    if (id) byId.set(id, el)
  }
  const add = (owner: Element | undefined, name: string, flowId: string) => {
    if (!owner) return
    if (Array.from(owner.children).some((c) => c.localName === name && c.textContent === flowId)) return
    const ref = doc.createElementNS(BPMN, name)
    ref.textContent = flowId
    const after = Array.from(owner.children).filter((c) => ['documentation', 'extensionElements', 'incoming', 'outgoing']
      .includes(c.localName) && (name === 'outgoing' || c.localName !== 'outgoing'))
    const anchor = after.length ? after[after.length - 1].nextSibling : owner.firstChild
    owner.insertBefore(ref, anchor)
  }
  for (const flow of Array.from(doc.getElementsByTagNameNS(BPMN, 'sequenceFlow'))) {
    const id = flow.getAttribute('id')!
    add(byId.get(flow.getAttribute('sourceRef') ?? ''), 'outgoing', id)
    add(byId.get(flow.getAttribute('targetRef') ?? ''), 'incoming', id)
  }
  return layoutProcess(new XMLSerializer().serializeToString(doc))
}
