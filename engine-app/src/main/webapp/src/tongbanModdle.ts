// The tongban BPMN extension (xmlns:tongban="https://tongban.org/bpmn") for bpmn-js: the countersign rule (会签规则)
// of a joint-review task, <tongban:countersign rule onDisagree passRatio><tongban:weight department value/>…
// (docs/joint-review.md, "Declaring the rule"). With it the Modeler reads and writes the element as typed objects.
export const TONGBAN_URI = 'https://tongban.org/bpmn'
export const COUNTERSIGN_CONDITION = '${countersign.decided(execution)}'

export const tongbanModdle = {
  name: 'Tongban',
  prefix: 'tongban',
  uri: TONGBAN_URI,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'Countersign',
      superClass: ['Element'],
      properties: [
        { name: 'rule', isAttr: true, type: 'String' },
        { name: 'onDisagree', isAttr: true, type: 'String' },
        { name: 'passRatio', isAttr: true, type: 'String' },
        { name: 'weights', isMany: true, type: 'Weight' },
      ],
    },
    {
      name: 'Weight',
      superClass: ['Element'],
      properties: [
        { name: 'department', isAttr: true, type: 'String' },
        { name: 'value', isAttr: true, type: 'Integer' },
      ],
    },
  ],
}
