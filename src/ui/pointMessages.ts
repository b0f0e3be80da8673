/** The words point layers add (src/ui/messages.ts spreads them into the one dictionary). */
export const pointMessages = {
  position: { zh: '位置', en: 'Location' },
  sketchHintPoint: { zh: '在地图上单击放置点位；可拖动点位移动。', en: 'Click the map to place the point; drag it to move it.' },
  drawPoint: { zh: '添加点位', en: 'Add point' },
  movePoint: { zh: '移动点位', en: 'Move point' },
} as const;
