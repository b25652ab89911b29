/* prepcheck embed, on the host page (version 1): sizes each <iframe data-prepcheck> to its content and scrolls it
   into view when a new page of the check opens. It accepts messages only from the origin this script was loaded
   from, and only from the window of one of those iframes. No third-party library. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) { return; }
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") { return; }
    var frames = document.querySelectorAll("iframe[data-prepcheck]");
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) { continue; }
      if (data.type === "prepcheck:resize" && typeof data.height === "number" && data.height > 0 && data.height < 100000) {
        frame.style.height = Math.ceil(data.height) + "px";
      } else if (data.type === "prepcheck:page") {
        frame.scrollIntoView({ block: "start" });
      }
    }
  });
})();
