// Draws each process of the case with bpmn-js (served from /vendor, no CDN) and marks the steps active now.
(async function () {
  'use strict';
  for (let i = 0; i < diagrams.length; i++) {
    const container = document.getElementById('diagram-' + i);
    const viewer = new BpmnJS({ container });
    try {
      await viewer.importXML(diagrams[i].bpmnXml);
      const canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      for (const id of diagrams[i].activeActivityIds) {
        canvas.addMarker(id, 'current');
      }
      container.dataset.rendered = 'true';
    } catch (e) {
      container.textContent = container.dataset.failed.split('{0}').join(e.message);
    }
  }
})();
